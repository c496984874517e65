// A command is durable before its effects run: when performing them throws, it is still answered as committed.
import { describe, expect, test } from 'vitest';
import { ManualTime } from '../../platform/clock.js';
import { openDatabase } from '../../platform/db/db.js';
import { createLog } from '../../platform/log.js';
import { loadEventFile } from '../event/loadEventFile.js';
import { SEED_EVENT_FILE } from '../memoryRoom.js';
import { SqliteAgendaStore } from './agendaStore.js';
import { LiveAgenda } from './liveAgenda.js';

describe('LiveAgenda', () => {
  test('effects that throw after the save: the command is answered as committed, and stays saved', () => {
    const event = loadEventFile(SEED_EVENT_FILE);
    const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 0));
    const db = openDatabase(':memory:');
    const agenda = new LiveAgenda(event, new SqliteAgendaStore(db), time, time, createLog('silent'));
    agenda.start(() => {
      throw new Error('LiveKit is down');
    });
    const result = agenda.execute({ action: { type: 'openDoors' }, by: { kind: 'participant', participantId: 'm', role: 'moderator' }, expectedVersion: agenda.state.version });
    expect(result).toMatchObject({ ok: true, state: { phase: { kind: 'lobby' } } });
    expect(new SqliteAgendaStore(db).load()).toMatchObject({ kind: 'restored', state: { phase: { kind: 'lobby' } } });
  });
});
