/** The closed set of reasons a request can fail for. */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'stale_version',
  'not_allowed_now',
  'unknown_participant',
  'unknown_breakout',
  'room_full',
  'unknown_item',
  'not_due',
  'rate_limited',
  'too_large',
  'incompatible_protocol',
  /** A store the server needs (a cluster's database) cannot be reached: nothing changed; try again. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why the server refuses a connection at the handshake (`connect_error`: the message is the code, `data` has both). */
export const HANDSHAKE_REFUSALS = ['incompatible_protocol', 'unauthorized', 'revoked', 'forbidden'] as const;
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[number];

/** What a refused handshake carries in `connect_error`'s `data`. */
export interface HandshakeError {
  readonly code: HandshakeRefusal;
  readonly message: string;
}

/** Every ack: success with data, or a code from the closed set and words for people. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, code, message });

/** The ack callback of a request. */
export type Ack<T> = (result: Result<T>) => void;
