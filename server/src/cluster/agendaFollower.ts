// How a node learns that another node saved the shared agenda: PostgreSQL's LISTEN/NOTIFY. Each
// save notifies inside its own transaction (PostgresAgendaStore.save), so a notification means a
// commit and arrives within milliseconds; the node then re-reads and adopts the stored state
// (LiveAgenda.refresh). Notifications are lost while the listening connection is down (a database
// restart), so the node also compares the stored stamp with its own every second and re-reads
// when they differ: that poll alone would be correct, the notification makes it fast.
import pg from 'pg';
import type { LiveAgenda } from '../live/agenda/liveAgenda.js';
import { AGENDA_CHANNEL } from '../live/agenda/postgresAgendaStore.js';
import type { AgendaStamp } from '../live/agenda/asyncAgendaStore.js';
import type { Log } from '../platform/log.js';

/** How often the stored stamp is compared with the held one. */
export const AGENDA_POLL_MS = 1_000;
/** How soon a lost listening connection is opened again. */
const RELISTEN_MS = 1_000;

export interface AgendaFollower {
  stop(): Promise<void>;
}

/** Keep `agenda` on the stored state of `eventId`: notifications for speed, a poll of `stamp` for certainty. */
export function followSharedAgenda(deps: {
  databaseUrl: string; eventId: string; agenda: LiveAgenda; stamp: () => Promise<AgendaStamp | null>; log: Log; pollMs?: number;
}): AgendaFollower {
  const { agenda, log } = deps;
  let stopped = false;
  let listener: pg.Client | null = null;
  let relisten: NodeJS.Timeout | null = null;

  const differs = (stamp: AgendaStamp | null) => stamp !== null && (stamp.version !== agenda.state.version || stamp.rosterRevision !== agenda.state.rosterRevision);
  const refresh = (why: string) => agenda.refresh().catch((err: unknown) => log.debug({ err, why }, 'the shared agenda could not be re-read'));

  const listen = async () => {
    relisten = null;
    const client = new pg.Client({ connectionString: deps.databaseUrl });
    const retry = () => {
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      if (!stopped && !relisten) relisten = setTimeout(() => void listen(), RELISTEN_MS);
    };
    client.on('error', (err) => {
      log.warn({ err }, 'the agenda notifications connection failed; listening again');
      retry();
    });
    // Closed without an error (the database shut down cleanly): listen again all the same.
    client.on('end', () => {
      if (listener === client) retry();
    });
    client.on('notification', (message) => {
      if (message.channel !== AGENDA_CHANNEL || !message.payload) return;
      try {
        const note = JSON.parse(message.payload) as { eventId?: string } & Partial<AgendaStamp>;
        if (note.eventId !== deps.eventId) return;
        if (differs({ version: Number(note.version), rosterRevision: Number(note.rosterRevision) })) void refresh('notified');
      } catch {
        log.warn({ payload: message.payload.slice(0, 200) }, 'an agenda notification could not be read');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${AGENDA_CHANNEL}`);
      if (stopped) return void client.end().catch(() => undefined);
      listener = client;
      // Whatever was saved while nobody listened.
      void refresh('listening again');
    } catch (err) {
      log.debug({ err }, 'cannot listen for agenda notifications yet');
      retry();
    }
  };

  const poll = setInterval(() => {
    void deps.stamp().then((stamp) => (differs(stamp) ? refresh('polled') : undefined), () => undefined);
  }, deps.pollMs ?? AGENDA_POLL_MS);
  void listen();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (relisten) clearTimeout(relisten);
      await listener?.end().catch(() => undefined);
      listener = null;
    },
  };
}
