import type { Database } from 'better-sqlite3';
import { breakoutLoads, chooseBreakout, eventConfigSchema, type AgendaState, type EventConfig, type Participant } from '@live-workshop/shared';
import { SERVER_ACTORS } from '../lifecycle/agendaObservers.js';
import type { Log } from '../log.js';
import type { Clock } from '../ports/clock.js';
import { AgendaStore } from '../store/agendaStore.js';

const PENDING_KEY = 'event:pending';

/** An edit of the event waiting to be applied, and who made it. */
export interface PendingEventEdit {
  readonly event: EventConfig;
  readonly editedAt: number;
  readonly editedBy: string;
}

/**
 * A moderator's edit of the event before it starts. The engine has no action that replaces the
 * event live, so the edit is kept here and applied when the server next starts, before the live
 * agenda is loaded (only while the event is still `scheduled`).
 */
export class PendingEventEdits {
  private readonly read;
  private readonly write;
  private readonly remove;

  constructor(db: Database) {
    this.read = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = '${PENDING_KEY}'`);
    this.write = db.prepare(`INSERT INTO meta (key, value) VALUES ('${PENDING_KEY}', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.remove = db.prepare(`DELETE FROM meta WHERE key = '${PENDING_KEY}'`);
  }

  get(): PendingEventEdit | null {
    const row = this.read.get();
    return row ? (JSON.parse(row.value) as PendingEventEdit) : null;
  }

  put(edit: PendingEventEdit): void {
    this.write.run(JSON.stringify(edit));
  }

  discard(): void {
    this.remove.run();
  }
}

/** People whose breakout room no longer exists are placed again, by their preferences, within capacity. */
function replace(event: EventConfig, participants: AgendaState['participants']): AgendaState['participants'] {
  const rooms = new Set(event.breakouts.map((b) => b.id));
  const kept = Object.values(participants).filter((p) => p.breakoutId === null || rooms.has(p.breakoutId));
  const loads = new Map(breakoutLoads(event, kept));
  const result: Record<string, Participant> = { ...participants };
  for (const p of Object.values(participants).sort((a, b) => a.seq - b.seq)) {
    if (p.breakoutId === null || rooms.has(p.breakoutId)) continue;
    const breakoutId = chooseBreakout(event, loads, p.preferences);
    result[p.id] = { ...p, breakoutId };
    if (breakoutId) loads.set(breakoutId, (loads.get(breakoutId) ?? 0) + 1);
  }
  return result;
}

/**
 * At boot, before the live agenda loads: apply a pending edit to the saved state if the event has
 * not started, else drop it. Returns the event now in force, or null when nothing changed.
 */
export function applyPendingEventEdit(db: Database, clock: Clock, log: Log): EventConfig | null {
  const edits = new PendingEventEdits(db);
  const pending = edits.get();
  if (!pending) return null;
  const store = new AgendaStore(db);
  const saved = store.load();
  const parsed = eventConfigSchema.safeParse(pending.event);
  if (!saved || saved.phase.kind !== 'scheduled' || !parsed.success || parsed.data.id !== saved.event.id) {
    log.warn({ phase: saved?.phase.kind ?? null, valid: parsed.success }, 'pending event edit dropped: the event has started or the edit no longer fits');
    edits.discard();
    return null;
  }
  const event = parsed.data;
  const after: AgendaState = { ...saved, event, participants: replace(event, saved.participants), version: saved.version + 1, rosterRevision: saved.rosterRevision + 1 };
  db.transaction(() => {
    store.save(saved, after, { at: clock.now(), actor: SERVER_ACTORS.eventSetup, action: { type: 'eventEdited' } });
    edits.discard();
  })();
  log.info({ editedBy: pending.editedBy, editedAt: pending.editedAt }, 'event edit applied');
  return event;
}
