import type { EventConfig } from '../../event/eventConfig.js';

/** What GET /api/event answers. */
export interface EventResponse {
  readonly event: EventConfig;
  readonly serverTime: number;
  /** Why registration is closed (the event is over), in words; null while it is open. */
  readonly registrationClosed: string | null;
  /** Every place under the registration cap is taken: a new registration joins the waiting list. */
  readonly registrationFull: boolean;
}
