import { eventConfigSchema, eventEditClosed, eventIdRefusal, type EditableEvent, type ErrorCode, type EventConfig } from '@live-workshop/shared';
import type { LiveAgenda, SubmitResult } from '../../live/agenda/liveAgenda.js';
import { fieldErrorsOf, fieldIssuesOf } from '../../platform/httpErrors.js';
import type { FieldIssue } from '@live-workshop/shared';

/** What an edit came to: the new event, or why not (with the field at fault where there is one). */
export type EventEditOutcome =
  | { readonly ok: true; readonly event: EventConfig; readonly version: number }
  | { readonly ok: false; readonly reason: 'closed' | 'invalid' | 'refused' | 'unavailable'; readonly code: ErrorCode; readonly message: string; readonly fieldErrors?: Record<string, string>; readonly fieldIssues?: Record<string, FieldIssue> };

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

  /** Apply an edit on one node's agenda (at once). */
  edit(input: unknown): EventEditOutcome {
    const checked = this.check(input);
    return 'ok' in checked ? checked : outcomeOf(this.agenda.system({ type: 'replaceEvent', event: checked }));
  }

  /** Apply an edit on either agenda (a shared one saves it across the network). */
  async submitEdit(input: unknown): Promise<EventEditOutcome> {
    const checked = this.check(input);
    return 'ok' in checked ? checked : outcomeOf(await this.agenda.submitSystem({ type: 'replaceEvent', event: checked }));
  }

  /** The edited event, or why it cannot replace the current one. */
  private check(input: unknown): EventConfig | Extract<EventEditOutcome, { ok: false }> {
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
    return parsed.data;
  }
}

const outcomeOf = (result: SubmitResult): EventEditOutcome => (result.ok
  ? { ok: true, event: result.state.event, version: result.state.version }
  : { ok: false, reason: result.code === 'unavailable' ? 'unavailable' : 'refused', code: result.code, message: result.message });
