/**
 * The HTTP API's contracts, shared by the server and the browser: one file per feature with the
 * request and response types (plain, no zod), and schemas.ts with the zod schemas the server
 * validates requests with (not re-exported here, so the browser never loads zod for them).
 */
export type * from './errors.js';
export type * from './event.js';
export type * from './registration.js';
export type * from './privacy.js';
export type * from './certificates.js';
export type * from './moderator.js';
export type * from './operations.js';
export type * from './organiser.js';
