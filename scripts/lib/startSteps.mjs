// @ts-check
// What `npm start` prepares before the server runs: each part the server starts by default must be
// there on a fresh clone (a missing one crashed `npm start` before: Mailpit was built only by `npm test`).

/**
 * @typedef {{
 *   npmDependencies: () => Promise<unknown>,
 *   clientBuild: () => Promise<unknown>,
 *   liveKit: () => Promise<{ kind: string, path?: string }>,
 *   mailpit: () => Promise<string>,
 * }} StartParts
 */

/**
 * Install and build what the server will use with this environment; returns the variables that tell
 * the server where each built part is (the caller adds them to the server's environment).
 * @param {Record<string, string | undefined>} env
 * @param {StartParts} ensure
 * @returns {Promise<Record<string, string>>}
 */
export async function prepareStart(env, ensure) {
  /** @type {Record<string, string>} */
  const found = {};
  await ensure.npmDependencies();
  await ensure.clientBuild();
  // Without LIVEKIT_URL the server runs a local LiveKit server.
  if (!env.LIVEKIT_URL) {
    const livekit = await ensure.liveKit();
    if (livekit.kind === 'binary' && livekit.path) found.LIVEKIT_BINARY = livekit.path;
  }
  // Without SMTP_URL the server mails join links to a local Mailpit (server/src/main.ts).
  if (!env.SMTP_URL && !env.MAILPIT_BINARY) found.MAILPIT_BINARY = await ensure.mailpit();
  return found;
}
