// The event file after the first boot. The data folder keeps the event as it was running (with
// edits made in the moderator console, or a rehearsal's dates), so the file is not simply read
// again. The rule: an event file that changed since it was last applied is applied at boot while
// the event has not begun (doors not open), through the engine like any edit; once the event has
// begun the running event keeps its saved version, and the console says so at every boot.
import type { EventConfig } from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Log } from '../../platform/log.js';
import type { MetaStore } from '../../platform/db/metaStore.js';

const KEY = 'event-file';

/** What happened to the event file at boot. */
export type EventFileOutcome = 'first' | 'unchanged' | 'applied' | 'kept-running' | 'refused' | 'cluster';

/** A node of a cluster: the shared agenda came from the event file of the node that booted first; edits go through the console. */
export const CLUSTER_EVENT_FILE = {
  outcome: 'cluster',
  notice: '  A cluster node: the event is the one in the shared database (from the first node\'s event file); edit it in the moderator console.',
} as const satisfies { outcome: EventFileOutcome; notice: string };

/** Apply the rule above; returns what happened and, for the console, what to tell people. */
export function applyEventFileChanges(agenda: LiveAgenda, fileEvent: EventConfig, meta: MetaStore, log: Log): { outcome: EventFileOutcome; notice: string | null } {
  const fileJson = JSON.stringify(fileEvent);
  const recorded = meta.get(KEY);
  if (recorded === null) {
    // A fresh data folder (or one from before this rule): the saved event came from this file.
    meta.set(KEY, fileJson);
    return { outcome: 'first', notice: null };
  }
  if (recorded === fileJson) return { outcome: 'unchanged', notice: null };
  if (agenda.state.phase.kind !== 'scheduled') {
    log.warn({ phase: agenda.state.phase.kind }, 'the event file changed after the event began; the running event keeps its saved version');
    return {
      outcome: 'kept-running',
      notice: '  The event file changed after the event began: the running event keeps its saved version (edits wait for a new data folder).',
    };
  }
  const result = agenda.system({ type: 'replaceEvent', event: fileEvent });
  if (!result.ok) {
    log.warn({ code: result.code, message: result.message }, 'the changed event file could not be applied');
    return { outcome: 'refused', notice: `  The event file changed but could not be applied: ${result.message}` };
  }
  meta.set(KEY, fileJson);
  log.info('the event file changed since the last start; applied (the doors are not open yet)');
  return { outcome: 'applied', notice: '  The event file changed since the last start: applied (the doors are not open yet).' };
}
