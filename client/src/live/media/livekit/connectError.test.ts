import { describe, expect, test } from 'vitest';
import { ConnectionError, DisconnectReason } from 'livekit-client';
import { connectFailureOf, mediaConnectError, MediaConnectError, type MediaConnectFailure } from './connectError.js';

describe('a failed join, by livekit-client\'s typed reason (never by its message)', () => {
  test.each<[string, unknown, MediaConnectFailure]>([
    ['401: the token was refused', ConnectionError.notAllowed('whatever the words', 401), 'token_rejected'],
    ['403 too', ConnectionError.notAllowed('x', 403), 'token_rejected'],
    ['the server cannot be reached', ConnectionError.serverUnreachable('x'), 'unreachable'],
    ['the WebSocket failed', ConnectionError.websocket('x'), 'unreachable'],
    ['no answer in time', ConnectionError.timeout('x'), 'timeout'],
    ['we cancelled it', ConnectionError.cancelled('x'), 'cancelled'],
    ['the server sent us away', ConnectionError.leaveRequest('x', DisconnectReason.DUPLICATE_IDENTITY), 'refused'],
    ['an internal error', ConnectionError.internal('x'), 'other'],
    // A message that merely mentions a token is not a refused token.
    ['a plain Error about a token', new Error('invalid token'), 'other'],
  ])('%s', (_name, error, reason) => {
    expect(connectFailureOf(error)).toBe(reason);
    expect(mediaConnectError(error).reason).toBe(reason);
  });

  test('the message is for people; an already typed error passes through', () => {
    expect(mediaConnectError(ConnectionError.notAllowed('jwt: signature is invalid', 401)).message).toBe('The media server did not accept the room pass (it may have expired).');
    expect(mediaConnectError(ConnectionError.serverUnreachable('fetch failed')).message).toBe('Could not reach the media server.');
    const typed = new MediaConnectError('timeout', 'slow');
    expect(mediaConnectError(typed)).toBe(typed);
    expect(mediaConnectError(new Error('boom')).message).toBe('Could not join the media room (boom).');
  });
});
