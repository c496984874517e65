import type { EventConfig } from '../../event/eventConfig.js';
import type { EventLifecycle } from '../../event/eventLifecycle.js';

/** What GET /api/event answers. */
export interface EventResponse {
  readonly event: EventConfig;
  readonly serverTime: number;
  /** Why registration is closed (the event is over), in words; null while it is open. */
  readonly registrationClosed: string | null;
  /** Every place under the registration cap is taken: a new registration joins the waiting list. */
  readonly registrationFull: boolean;
  /** The organisers cancelled or moved the event (absent: it runs as announced). */
  readonly lifecycle?: EventLifecycle | null;
}

/** POST /api/moderator/event/lifecycle: cancel the event, or move it to another date and start time (the agenda keeps its shape). */
export type EventLifecycleRequest =
  | { readonly action: 'cancel'; readonly note?: string }
  | { readonly action: 'move'; readonly date: string; readonly start: string; readonly note?: string };

/** What POST /api/moderator/event/lifecycle answers: the new state and how many registered people are being mailed. */
export interface EventLifecycleResponse {
  readonly lifecycle: EventLifecycle;
  readonly mailing: number;
}
