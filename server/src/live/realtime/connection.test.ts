// Fan-out and requests over the in-memory transport: who hears what, and which requests exist.
import { describe, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import { requestHandlers, type HandlerDeps } from './handlers.js';
import type { MemorySocket } from './memoryTransport.js';

const eventsOf = (socket: MemorySocket) => socket.flush().map((r) => r.event);

describe('connections over the in-memory transport', () => {
  test('a connection is welcomed with the snapshot; staff also get the roster', async () => {
    const room = memoryRoom();
    const attendee = await room.join('ada', 'attendee');
    const moderator = await room.join('mo', 'moderator');
    await room.settle();
    expect(eventsOf(attendee).slice(0, 2)).toEqual([EVENTS.welcome, EVENTS.agendaChanged]);
    expect(eventsOf(moderator)).toContain(EVENTS.rosterChanged);
  });

  test('a help request reaches the moderators only; a chat line only the room it was posted in', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    room.moderate({ type: 'next' }); // breakouts
    const [ada, bo, cy, mo] = [
      await room.join('ada', 'attendee', ['skills']), await room.join('bo', 'attendee', ['skills']),
      await room.join('cy', 'attendee', ['trust']), await room.join('mo', 'moderator'),
    ];
    await room.settle();
    for (const s of [ada, bo, cy, mo]) s.flush();

    expect(await ada.request(EVENTS.helpRequest, { text: 'no sound' })).toMatchObject({ ok: true });
    expect(eventsOf(mo)).toEqual([EVENTS.helpRequested]);
    expect([eventsOf(ada), eventsOf(bo), eventsOf(cy)]).toEqual([[], [], []]);

    expect(await ada.request(EVENTS.chatSend, { text: 'hello skills' })).toMatchObject({ ok: true });
    expect([eventsOf(ada), eventsOf(bo), eventsOf(cy)]).toEqual([[EVENTS.chatPosted], [EVENTS.chatPosted], []]);
  });

  test('chat follows the agenda at the cue, before any token is minted', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    const [ada, cy] = [await room.join('ada', 'attendee', ['skills']), await room.join('cy', 'attendee', ['trust'])];
    await room.settle();
    ada.flush();
    cy.flush();
    room.moderate({ type: 'next' });
    // Membership changed with the cue itself: no assignment job has run yet.
    expect(ada.flush().map((r) => r.event)).toEqual([EVENTS.agendaChanged]);
    expect(await ada.request(EVENTS.chatSend, { text: 'in skills now' })).toMatchObject({ ok: true });
    const chatOf = (s: MemorySocket) => s.flush().filter((r) => r.event === EVENTS.chatPosted).length;
    expect([chatOf(ada), chatOf(cy)]).toEqual([1, 0]);
  });

  test('a newer connection takes over: the older is told why and closed', async () => {
    const room = memoryRoom();
    const first = await room.join('ada', 'attendee');
    const second = room.transport.connect({ participantId: 'ada', role: 'attendee' });
    expect(first.closedWith?.reason).toBe('replaced');
    expect(room.sessions.get('ada')).toBe(second);
  });
});

describe('requests', () => {
  // The names come from the handler registry itself (building it calls no dependency).
  const REGISTERED = Object.keys(requestHandlers({} as HandlerDeps));

  test('the registry handles exactly the protocol\'s requests', () => {
    expect([...REGISTERED].sort()).toEqual([
      EVENTS.agendaCommand, EVENTS.chatSend, EVENTS.sessionResync, EVENTS.roomVisit, EVENTS.roomMute, EVENTS.helpRequest, EVENTS.moveReport,
      EVENTS.slidesShow, EVENTS.talkbackSend,
    ].sort());
  });

  test.each(REGISTERED)(
    'the registered request %s is known (answered by its handler, not "Unknown request")',
    async (name) => {
      const room = memoryRoom();
      const mo = await room.join('mo', 'moderator');
      const answer = await mo.request(name, {});
      expect(answer.ok ? null : answer.message).not.toBe('Unknown request.');
    },
  );

  test.each(['agenda:nonsense', 'constructor', '__proto__', 'toString', ''])('an unregistered name (%j) is "Unknown request"', async (name) => {
    const room = memoryRoom();
    const ada = await room.join('ada', 'attendee');
    expect(await ada.request(name, {})).toEqual({ ok: false, code: 'invalid_payload', message: 'Unknown request.' });
  });
});
