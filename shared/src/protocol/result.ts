/** The closed set of reasons a request can fail for. */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'stale_version',
  'not_allowed_now',
  'unknown_participant',
  'unknown_breakout',
  'unknown_item',
  'not_due',
  'rate_limited',
  'too_large',
  'incompatible_protocol',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every ack: success with data, or a code from the closed set and words for people. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export const success = <T>(data: T): Result<T> => ({ ok: true, data });
export const failure = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, code, message });

/** The ack callback of a request. */
export type Ack<T> = (result: Result<T>) => void;
