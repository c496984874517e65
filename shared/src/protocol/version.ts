/** Bumped when client and server can no longer understand each other. */
export const PROTOCOL_VERSION = 1;
