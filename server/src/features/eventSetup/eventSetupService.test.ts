// Event edits: the engine says when and which; the service checks fields in between and says which field is at fault.
import { describe, expect, test } from 'vitest';
import { memoryRoom } from '../../live/memoryRoom.js';
import { EventSetupService } from './eventSetupService.js';

describe('EventSetupService', () => {
  test('before the doors open an edit applies through the engine', () => {
    const room = memoryRoom();
    const service = new EventSetupService(room.agenda);
    expect(service.current().editable).toBe(true);
    const outcome = service.edit({ ...room.event, title: 'Renamed' });
    expect(outcome).toMatchObject({ ok: true, event: { title: 'Renamed' } });
    expect(room.agenda.state.event.title).toBe('Renamed');
  });

  test.each([
    { name: 'a bad field', edit: (e: Record<string, unknown>) => ({ ...e, start: '9h' }), field: 'start' },
    { name: 'another id', edit: (e: Record<string, unknown>) => ({ ...e, id: 'another-event' }), field: 'id' },
  ])('$name is invalid, with the field at fault, and changes nothing', ({ edit, field }) => {
    const room = memoryRoom();
    const before = room.agenda.state;
    const outcome = new EventSetupService(room.agenda).edit(edit({ ...room.event }));
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid', code: 'invalid_payload', fieldErrors: { [field]: expect.any(String) } });
    expect(room.agenda.state).toBe(before);
  });

  test('each problem is also data (a rule\'s name or the validator\'s kind, with its numbers), so the console says it in its reader\'s language', () => {
    const room = memoryRoom();
    const agenda = room.event.agenda.map((item, i) => (i === 0 ? { ...item, title: '' } : item));
    const breakouts = room.event.breakouts.map((b, i) => (i === 1 ? { ...b, capacity: 0 } : b));
    const outcome = new EventSetupService(room.agenda).edit({ ...room.event, date: '2025-02-30', end: room.event.start, agenda, breakouts });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fieldIssues).toMatchObject({
      date: { code: 'noSuchDay', params: {} },
      end: { code: 'endAfterStart', params: {} },
      'agenda.0.title': { code: 'too_small', params: { origin: 'string', limit: 1 } },
      'breakouts.1.capacity': { code: 'too_small', params: { origin: 'number', limit: 1 } },
    });
    // The English words stay for clients that read them.
    expect(outcome.fieldErrors?.end).toBe('end must be after start');
  });

  test('once the doors are open even a broken edit is told the event is closed to edits (the engine\'s words)', () => {
    const room = memoryRoom();
    room.moderate({ type: 'openDoors' });
    const service = new EventSetupService(room.agenda);
    expect(service.current().editable).toBe(false);
    expect(service.edit({ nonsense: true })).toEqual({
      ok: false, reason: 'closed', code: 'not_allowed_now', message: 'The event can be edited only before the doors open.',
    });
  });
});
