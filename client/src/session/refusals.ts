/**
 * Why a request or a connection failed, in words: the server's refusals (the shared ErrorCode set, and
 * the handshake's codes) and the failures of this side (no answer in time, not connected), kept apart
 * so that a client timeout is never reported as the server's `internal`.
 */
import type { ErrorCode, HandshakeRefusal, Result } from '@live-workshop/shared';
import { HANDSHAKE_REFUSALS } from '@live-workshop/shared/pure';
import { currentLanguage, t } from '../i18n/i18n.js';


/** Words for a connect_error message, or null when it is not a refusal of the server's (a network problem). */
export function handshakeRefusalWords(code: string): string | null {
  return (HANDSHAKE_REFUSALS as readonly string[]).includes(code) ? t(`handshake.${code as HandshakeRefusal}`) : null;
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

const clientWords = (code: ClientFailureCode): string => t(`clientFailure.${code}`);

/** The failure of ours with its words. */
export const clientFailure = (code: ClientFailureCode): ClientFailure => ({ ok: false, code, message: clientWords(code) });


/**
 * Words for a refusal or a failure: in English the server's own message, else ours for its code; in
 * another language always ours for its code (the server's messages are English).
 */
export function refusalWords(result: { code: ErrorCode | ClientFailureCode; message: string }): string {
  const ours = result.code === 'timeout' || result.code === 'not_connected' ? clientWords(result.code) : t(`refusal.${result.code}`, { defaultValue: t('refusal.internal') });
  if (result.code === 'timeout' || result.code === 'not_connected') return currentLanguage() === 'en' ? result.message?.trim() || ours : ours;
  return currentLanguage() === 'en' ? result.message?.trim() || ours : ours;
}
