import { eventConfigSchema, eventEditClosed, eventIdRefusal, type EditableEvent, type ErrorCode, type EventConfig } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import { fieldErrorsOf, fieldIssuesOf } from '../../platform/httpErrors.js';
import type { FieldIssue } from '@live-workshop/shared';

/** What an edit came to: the new event, or why not (with the field at fault where there is one). */
export type EventEditOutcome =
  | { readonly ok: true; readonly event: EventConfig; readonly version: number }
  | { readonly ok: false; readonly reason: 'closed' | 'invalid' | 'refused'; readonly code: ErrorCode; readonly message: string; readonly fieldErrors?: Record<string, string>; readonly fieldIssues?: Record<string, FieldIssue> };

/**
 * Moderators edit the whole event before it starts. The engine decides when an edit is allowed
 * and which event may replace which; this asks it first (so a late edit is told so before its
 * fields are checked), validates the edit like an event file, and applies it through the engine.
 */
export class EventSetupService {
  constructor(private readonly agenda: LiveAgenda) {}

  /** The event as it is, and whether it can be edited now. */
  current(): EditableEvent {
    return { current: this.agenda.state.event, editable: eventEditClosed(this.agenda.state) === null };
  }

  edit(input: unknown): EventEditOutcome {
    const state = this.agenda.state;
    const closed = eventEditClosed(state);
    if (closed) return { ok: false, reason: 'closed', code: closed.code, message: closed.message };
    const parsed = eventConfigSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, reason: 'invalid', code: 'invalid_payload', message: 'The event has problems; see each field.', fieldErrors: fieldErrorsOf(parsed.error), fieldIssues: fieldIssuesOf(parsed.error) };
    }
    if (eventIdRefusal(state, parsed.data)) {
      return {
        ok: false, reason: 'invalid', code: 'invalid_payload', message: 'The event id cannot change.',
        fieldErrors: { id: `Keep "${state.event.id}": it names the event's database and LiveKit rooms.` },
        fieldIssues: { id: { code: 'keepEventId', params: { id: state.event.id } } },
      };
    }
    const result = this.agenda.system({ type: 'replaceEvent', event: parsed.data });
    if (!result.ok) return { ok: false, reason: 'refused', code: result.code, message: result.message };
    return { ok: true, event: result.state.event, version: result.state.version };
  }
}
