/** Sizes the server enforces and the pages show; no schema is built here, so the browser imports them freely. */

/** Maximum length of a chat message, in characters. */
export const CHAT_MAX_CHARS = 1000;
