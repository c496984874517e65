// Speakers presenting live, on the server: slides (a PDF stored with the event, its page one small
// broadcast), backstage talk-back (speakers of the item and moderators only), and their socket
// handlers. What LiveKit lets each person publish is shared/presenting's publishSourcesIn.
import type { Database } from 'better-sqlite3';
import { EVENTS, type AgendaState } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import { SqliteMetaStore } from '../../platform/db/metaStore.js';
import type { Sessions } from '../realtime/sessions.js';
import type { Transport } from '../realtime/transport.js';
import type { Presenting } from './presentingHandlers.js';
import { Slides } from './slides.js';
import { SqliteSlidesStore } from './slidesStore.js';
import { Talkback } from './talkback.js';

/** Slides and talk-back over the event's data file; every slides change is broadcast to everyone. */
export function createPresenting(deps: { db: Database; sessions: Sessions; transport: Transport; clock: Clock; state: () => AgendaState }): Presenting {
  const store = new SqliteSlidesStore(deps.db, new SqliteMetaStore(deps.db));
  const slides = new Slides({ store, clock: deps.clock, state: deps.state });
  slides.onChange((changed) => deps.transport.broadcast(EVENTS.slidesShown, changed));
  return { slides, talkback: new Talkback({ sessions: deps.sessions, clock: deps.clock, state: deps.state }) };
}
