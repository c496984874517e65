/** Why the engine refused a command; the state is then unchanged. */
export type RefusalCode =
  | 'stale_version'
  | 'not_allowed_now'
  | 'forbidden'
  | 'unknown_participant'
  | 'unknown_breakout'
  | 'unknown_item'
  | 'not_due';

/** A refused command, with words a moderator can read. */
export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
