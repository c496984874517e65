/**
 * Why a request or a connection failed, in words: the server's refusals (the shared ErrorCode set, and
 * the handshake's codes) and the failures of this side (no answer in time, not connected), kept apart
 * so that a client timeout is never reported as the server's `internal`.
 */
import type { ErrorCode, HandshakeRefusal, Result } from '@live-workshop/shared';

/** Words for each handshake refusal. */
const HANDSHAKE_WORDS: Record<HandshakeRefusal, string> = {
  unauthorized: 'This join link is not valid or has expired. Use the link from your registration, or register again.',
  incompatible_protocol: 'This page is out of date for the workshop server. Reload the page to get the current version.',
  revoked: 'This join link was withdrawn by the organisers. Contact them if you think this is a mistake.',
  forbidden: 'You are not allowed into this event. If you think this is a mistake, please contact the organisers.',
};

/** Words for a connect_error message, or null when it is not a refusal of the server's (a network problem). */
export function handshakeRefusalWords(code: string): string | null {
  return Object.hasOwn(HANDSHAKE_WORDS, code) ? HANDSHAKE_WORDS[code as HandshakeRefusal] : null;
}

/** A request that failed on this side: the server never answered it. */
export type ClientFailureCode = 'timeout' | 'not_connected';

/** A failure of ours, shaped like a refusal so callers handle both alike. */
export interface ClientFailure {
  readonly ok: false;
  readonly code: ClientFailureCode;
  readonly message: string;
}

/** What a request gives back: the server's Result, or a failure of ours. */
export type RequestResult<T> = Result<T> | ClientFailure;

const CLIENT_WORDS: Record<ClientFailureCode, string> = {
  timeout: 'The workshop server did not answer in time; try again.',
  not_connected: 'Not connected to the workshop right now; wait for the connection to come back.',
};

/** The failure of ours with its words. */
export const clientFailure = (code: ClientFailureCode): ClientFailure => ({ ok: false, code, message: CLIENT_WORDS[code] });

/** Words for a refused command when the server sent none. */
const FALLBACK_WORDS: Record<ErrorCode, string> = {
  invalid_payload: 'The request was not understood.',
  unauthorized: 'Your session is not valid any more; reload the page.',
  forbidden: 'You are not allowed to do that.',
  stale_version: 'The agenda has moved on; look again and retry.',
  not_allowed_now: 'That is not possible at this point of the event.',
  unknown_participant: 'That person is not in the event.',
  unknown_breakout: 'That breakout room does not exist.',
  room_full: 'That breakout room is full.',
  unknown_item: 'That agenda item does not exist.',
  not_due: 'It is not time for that yet.',
  rate_limited: 'Too many requests; wait a moment.',
  too_large: 'That is too long.',
  incompatible_protocol: 'This page is out of date; reload it.',
  internal: 'Something went wrong on the server; try again.',
};

/** Words for a refusal or a failure: its message, else ours. */
export function refusalWords(result: { code: ErrorCode | ClientFailureCode; message: string }): string {
  const fallback = result.code === 'timeout' || result.code === 'not_connected' ? CLIENT_WORDS[result.code] : FALLBACK_WORDS[result.code];
  return result.message?.trim() || fallback || FALLBACK_WORDS.internal;
}
