/**
 * Why a join failed, as a closed set, from livekit-client's typed `ConnectionError.reason` (and
 * its HTTP status) rather than from the words of its message, which are for developers and change
 * between versions. The move manager decides on the reason: a rejected token asks for a fresh
 * assignment instead of being tried again, an unreachable server is retried with backoff.
 */
import { ConnectionError, ConnectionErrorReason } from 'livekit-client';

/** Why joining a media room failed. */
export type MediaConnectFailure =
  | 'token_rejected' // LiveKit refused the room pass (expired, for another room, revoked): a new one is needed
  | 'unreachable' // no answer from the media server (network, server down, WebSocket refused)
  | 'timeout' // the media server did not answer in time
  | 'cancelled' // we left or started another join before this one finished
  | 'refused' // the media server ended the join (a duplicate identity, the room closed)
  | 'other';

/** A failed join: `reason` for decisions, `message` for people. */
export class MediaConnectError extends Error {
  override readonly name = 'MediaConnectError';
  constructor(readonly reason: MediaConnectFailure, message: string) {
    super(message);
  }
}

const WORDS: Record<MediaConnectFailure, string> = {
  token_rejected: 'The media server did not accept the room pass (it may have expired).',
  unreachable: 'Could not reach the media server.',
  timeout: 'The media server did not answer in time.',
  cancelled: 'The join was cancelled.',
  refused: 'The media server ended the join.',
  other: 'Could not join the media room.',
};

/** The reason of a livekit-client ConnectionError (by its typed reason and status). */
export function connectFailureOf(error: unknown): MediaConnectFailure {
  if (error instanceof MediaConnectError) return error.reason;
  if (!(error instanceof ConnectionError)) return 'other';
  switch (error.reason) {
    case ConnectionErrorReason.NotAllowed:
      // 401/403: the token; 404 "room does not exist" also means this pass is no good here.
      return 'token_rejected';
    case ConnectionErrorReason.ServerUnreachable:
    case ConnectionErrorReason.WebSocket:
    case ConnectionErrorReason.ServiceNotFound:
      return 'unreachable';
    case ConnectionErrorReason.Timeout:
      return 'timeout';
    case ConnectionErrorReason.Cancelled:
      return 'cancelled';
    case ConnectionErrorReason.LeaveRequest:
      return 'refused';
    default:
      return 'other';
  }
}

/** The typed error the room adapter rejects with. */
export function mediaConnectError(error: unknown): MediaConnectError {
  const reason = connectFailureOf(error);
  if (error instanceof MediaConnectError) return error;
  // Something unforeseen: keep a short trace of what livekit-client said, as before.
  const raw = error instanceof Error ? error.message : String(error);
  return new MediaConnectError(reason, reason === 'other' ? `Could not join the media room (${raw.slice(0, 120)}).` : WORDS[reason]);
}
