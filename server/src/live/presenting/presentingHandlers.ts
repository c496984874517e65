import {
  EVENTS, failure, SLIDE_CHANGES_PER_SECOND, slidesShowPayload, success, TALKBACK_PER_10_SECONDS, talkbackSendPayload,
} from '@live-workshop/shared';
import type { Limiter, Limiters } from '../../platform/rateLimits.js';
import type { Log } from '../../platform/log.js';
import { handle, type RequestHandler } from '../realtime/handle.js';
import type { RoomSocket } from '../realtime/transport.js';
import type { Slides } from './slides.js';
import type { Talkback } from './talkback.js';

/** Slides and talk-back, for the socket handlers and the connection's greeting. */
export interface Presenting {
  readonly slides: Slides;
  readonly talkback: Talkback;
}

/** Budget of one person, by their id (not the socket: a reconnect gets no new budget). */
async function within(limiter: Limiter, participantId: string): Promise<boolean> {
  try {
    await limiter.consume(participantId);
    return true;
  } catch {
    return false;
  }
}

/** The socket requests of presenting: turn the slides, talk backstage. */
export function presentingHandlers(presenting: Presenting, wrap: { log: Log; limiter: Limiter }, limits: Limiters): Record<typeof EVENTS.slidesShow | typeof EVENTS.talkbackSend, RequestHandler> {
  const pageTurns = limits('slides', SLIDE_CHANGES_PER_SECOND, 1);
  const lines = limits('talkback', TALKBACK_PER_10_SECONDS, 10);
  return {
    [EVENTS.slidesShow]: handle(wrap, 'page change', slidesShowPayload, async ({ deckId, page }, { claims: me }) => {
      if (!(await within(pageTurns, me.participantId))) return failure('rate_limited', 'You are turning pages faster than everyone can follow.');
      const outcome = presenting.slides.show(me.participantId, deckId, page);
      return outcome.ok ? success(outcome.slides) : failure(outcome.code === 'not_found' ? 'not_allowed_now' : outcome.code, outcome.message);
    }),
    [EVENTS.talkbackSend]: handle(wrap, 'talk-back line', talkbackSendPayload, async ({ text }, { claims: me }) => {
      if (!(await within(lines, me.participantId))) return failure('rate_limited', 'You are sending talk-back lines too fast.');
      const message = presenting.talkback.post(me.participantId, text);
      return message ? success({ id: message.id }) : failure('forbidden', 'The talk-back is for the speakers of this part and the moderators.');
    }),
  };
}

/** What a new connection is told of presenting: the slides up now, and (talk-back members) its recent lines. */
export function greetPresenting(presenting: Presenting, socket: RoomSocket): void {
  const slides = presenting.slides.current();
  if (slides) socket.send(EVENTS.slidesShown, slides);
  presenting.talkback.greet(socket);
}
