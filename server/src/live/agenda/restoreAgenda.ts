// What a saved agenda gives this release when a node boots: the state to run, a save to make first
// (an initial agenda, or the event file's event in place of a saved one that cannot be used), and
// a problem to show on the console. The same for the local and the shared store.
import { eventConfigSchema, initialState, type Action, type AgendaState, type EventConfig } from '@live-workshop/shared';
import type { Log } from '../../platform/log.js';
import type { LoadedAgenda } from './agendaStore.js';

/** What a loaded agenda gives this release: the state to run, a save to make first (none: use it as it is), and a problem to show. */
export function restoreAgenda(event: EventConfig, loaded: LoadedAgenda, log: Log): {
  state: AgendaState; problem: string | null; save: { before: AgendaState | null; action: Action | { type: 'init' } } | null;
} {
  let problem: string | null = null;
  if (loaded.kind === 'unreadable') {
    // A saved state this release cannot read (a newer release wrote it) must not stop the boot:
    // it is kept aside untouched, and the event starts afresh from the event file.
    log.error({ problem: loaded.problem, keptAs: loaded.keptAs }, 'the saved agenda cannot be read; starting from the event file');
    problem = `The saved agenda could not be read (${loaded.problem}); it is kept in the data file as "${loaded.keptAs}", and this run starts from the event file.`;
  }
  if (loaded.kind !== 'restored') {
    return { state: initialState(event), problem, save: { before: null, action: { type: 'init' } } };
  }
  if (loaded.migratedFrom !== null) log.info({ from: loaded.migratedFrom }, 'saved agenda migrated');
  const saved = loaded.state;
  const usable = eventConfigSchema.safeParse(saved.event);
  if (!usable.success) {
    // A saved event that cannot be used (written before today's checks, or edited by hand)
    // must not stop the server from booting, forever: run with the event file's event instead,
    // and say so. The saved rest (phase, people, deadlines) is kept.
    const why = usable.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
    log.error({ why }, 'the saved event cannot be used; running with the event file\'s event');
    return {
      state: { ...saved, event }, problem: `The saved event could not be used (${why}); running with the event file's event instead.`,
      save: { before: saved, action: { type: 'replaceEvent', event } },
    };
  }
  log.info({ version: saved.version, phase: saved.phase.kind, participants: Object.keys(saved.participants).length }, 'agenda restored');
  return { state: saved, problem, save: null };
}
