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
