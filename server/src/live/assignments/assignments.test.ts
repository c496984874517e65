// Preparing assignments and fanning out a cue, over the in-memory transport: no network, no sleeps;
// each test flushes the sockets and the assignment queue explicitly.
import { describe, expect, test } from 'vitest';
import { EVENTS, livekitRoomName, type Assignment } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { Received } from '../realtime/memoryTransport.js';

const assignmentsIn = (received: Received[], event: typeof EVENTS.assignmentChanged | typeof EVENTS.assignmentPrepared) =>
  received.filter((r) => r.event === event).map((r) => r.args[0] as Assignment);

describe('Assignments over the in-memory transport', () => {
  test('on connect a person gets their current room and, ahead of the cue, the next one', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    const ada = await room.join('ada', 'attendee', ['trust']);
    await room.settle();
    const received = ada.flush();
    expect(assignmentsIn(received, EVENTS.assignmentChanged).map((a) => a.roomId)).toEqual(['plenary']);
    expect(assignmentsIn(received, EVENTS.assignmentPrepared).map((a) => a.roomId)).toEqual(['breakout:trust']);
    expect(room.livekit.minted.map((g) => g.room)).toEqual([
      livekitRoomName(room.event.id, 'plenary'), livekitRoomName(room.event.id, 'breakout:trust'),
    ]);
  });

  test('the cue is one broadcast: whoever holds the prepared room gets no new token, only the room after', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    const people = [await room.join('ada', 'attendee', ['skills']), await room.join('bo', 'attendee', ['skills']), await room.join('cy', 'attendee', ['skills'])];
    await room.settle();
    for (const p of people) p.flush();
    const mintedBefore = room.livekit.minted.length;

    room.moderate({ type: 'next' });
    await room.settle();
    for (const p of people) {
      const received = p.flush();
      expect(received.filter((r) => r.event === EVENTS.agendaChanged)).toHaveLength(1);
      expect(assignmentsIn(received, EVENTS.assignmentChanged)).toEqual([]);
      expect(assignmentsIn(received, EVENTS.assignmentPrepared).map((a) => a.roomId)).toEqual(['plenary']);
    }
    // Three prepared tokens for the item after the breakouts; none for the breakouts themselves.
    expect(room.livekit.minted.slice(mintedBefore).map((g) => g.room)).toEqual(Array(3).fill(livekitRoomName(room.event.id, 'plenary')));
  });

  test('a reassignment before the cue re-prepares only that person', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    const ada = await room.join('ada', 'attendee', ['skills']);
    const bo = await room.join('bo', 'attendee', ['skills']);
    await room.settle();
    ada.flush();
    bo.flush();

    room.moderate({ type: 'reassign', participantId: 'ada', breakoutId: 'global' });
    await room.settle();
    expect(assignmentsIn(ada.flush(), EVENTS.assignmentPrepared).map((a) => a.roomId)).toEqual(['breakout:global']);
    expect(assignmentsIn(bo.flush(), EVENTS.assignmentPrepared)).toEqual([]);
  });

  test('someone who connects after the cue gets their room now, and nothing for those already placed', async () => {
    const room = memoryRoom();
    room.moderate({ type: 'start' });
    const ada = await room.join('ada', 'attendee', ['uncharted']);
    await room.settle();
    room.moderate({ type: 'next' });
    await room.settle();
    ada.flush();

    const late = await room.join('late', 'attendee', ['uncharted']);
    await room.settle();
    expect(assignmentsIn(late.flush(), EVENTS.assignmentChanged).map((a) => a.roomId)).toEqual(['breakout:uncharted']);
    expect(ada.flush().filter((r) => r.event === EVENTS.assignmentChanged || r.event === EVENTS.assignmentPrepared)).toEqual([]);
  });
});
