import type { ErrorCode } from '../protocol/result.js';

/** The codes the engine refuses with: part of the protocol's closed set, so every refusal reaches a client as it is. */
export const REFUSAL_CODES = [
  'stale_version', 'not_allowed_now', 'forbidden', 'unknown_participant', 'unknown_breakout', 'room_full', 'unknown_item', 'not_due',
] as const satisfies readonly ErrorCode[];

/** Why the engine refused a command; the state is then unchanged. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

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
