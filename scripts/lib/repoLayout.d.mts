// Types of repoLayout.mjs for the TypeScript workspaces (through the testkit), which do not read JavaScript.
/** The repository root. */
export const REPO_ROOT: string;
/** The LiveKit server version the project is pinned to. */
export const LIVEKIT_VERSION: string;
/** Where the project-local LiveKit binary is built. */
export const LIVEKIT_BIN_DIR: string;
/** The project-local LiveKit binary. */
export const LIVEKIT_BIN: string;
/** The LiveKit binary already on this machine: `livekit-server` on PATH, else the project's build. */
export function installedLiveKitBinary(): { path: string; onPath: boolean } | undefined;
/** The LiveKit binary to run, or an error that says how to get one. */
export function findLiveKitBinary(): string;
