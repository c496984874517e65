// Live captions over the in-memory room: a captioner's lines reach the room they are for, interim
// text is sent but not kept, the transcript keeps final lines per agenda item, and only captioners
// (or moderators) write. A speech recognition service would push through the same channel.
import { expect, test } from 'vitest';
import { CAPTIONS_PER_SECOND, EVENTS, type CaptionLine } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';
import { transcriptText } from './transcriptRoutes.js';

const lines = (s: MemorySocket) => s.flush().filter((r) => r.event === EVENTS.captionAdded).map((r) => r.args[0] as CaptionLine);

async function room() {
  const r = memoryRoom();
  r.moderate({ type: 'start' });
  const [ada, bo, cap] = await r.joinAll([['ada', 'attendee', ['skills']], ['bo', 'attendee', ['trust']], ['cap', 'captioner']]);
  return { r, ada, bo, cap };
}

test('a captioner\'s interim text and final line reach the plenary; only the final line is kept', async () => {
  const { r, ada, cap } = await room();
  expect(await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: 'Welcome to', final: false })).toEqual({ ok: true, data: { id: null } });
  expect(await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: '  Welcome to   the workshop. ', final: true })).toEqual({ ok: true, data: { id: 1 } });
  expect(lines(ada).map((l) => [l.text, l.final, l.source])).toEqual([['Welcome to', false, 'captioner'], ['Welcome to the workshop.', true, 'captioner']]);
  expect(r.liveSegment.captionStore.transcript('plenary').map((l) => l.text)).toEqual(['Welcome to the workshop.']);
});

test('attendees and speakers cannot write captions; an unknown room is refused', async () => {
  const { r, ada, cap } = await room();
  const sp = await r.join('sp', 'speaker');
  expect(await ada.request(EVENTS.captionSend, { roomId: 'plenary', text: 'fake', final: true })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await sp.request(EVENTS.captionSend, { roomId: 'plenary', text: 'fake', final: true })).toMatchObject({ ok: false, code: 'forbidden' });
  // A captioner writes for the room they hear only; a moderator standing in names any room, which must exist.
  expect(await cap.request(EVENTS.captionSend, { roomId: 'breakout:skills', text: 'x', final: true })).toMatchObject({ ok: false, code: 'forbidden' });
  const mo = await r.join('mo', 'moderator');
  expect(await mo.request(EVENTS.captionSend, { roomId: 'breakout:nowhere', text: 'x', final: true })).toMatchObject({ ok: false, code: 'unknown_breakout' });
  expect(await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: 'x'.repeat(501), final: true })).toMatchObject({ ok: false, code: 'invalid_payload' });
});

test(`a captioner may send ${CAPTIONS_PER_SECOND} messages a second`, async () => {
  const { cap } = await room();
  for (let i = 0; i < CAPTIONS_PER_SECOND; i++) expect(await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: `w${i}`, final: false })).toMatchObject({ ok: true });
  expect(await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: 'more', final: false })).toMatchObject({ ok: false, code: 'rate_limited' });
});

test('captions for a breakout reach only that room; the transcript is per room and agenda item', async () => {
  const { r, ada, bo, cap } = await room();
  await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: 'In the opening.', final: true });
  expect(await cap.request(EVENTS.agendaCommand, { expectedVersion: r.agenda.state.version, action: { type: 'captionRoom', breakoutId: 'skills' } })).toMatchObject({ ok: true });
  r.moderate({ type: 'next' });
  await r.settle();
  for (const s of [ada, bo]) s.flush();
  await cap.request(EVENTS.captionSend, { roomId: 'breakout:skills', text: 'In the skills room.', final: true });
  expect(lines(ada).map((l) => l.text)).toEqual(['In the skills room.']);
  expect(lines(bo)).toEqual([]);
  const item = r.agenda.state.phase.kind === 'breakouts' ? r.agenda.state.phase.itemIndex : -1;
  expect(r.liveSegment.captionStore.transcript('breakout:skills', item).map((l) => l.text)).toEqual(['In the skills room.']);
  expect(r.liveSegment.captionStore.transcript('plenary', item)).toEqual([]);
  expect(transcriptText([{ at: Date.UTC(2025, 9, 23, 7, 31, 5), text: 'Hello.' }])).toBe('[07:31:05] Hello.\n');
});

test('someone arriving gets the latest lines of their room', async () => {
  const { r, cap } = await room();
  await cap.request(EVENTS.captionSend, { roomId: 'plenary', text: 'Earlier line.', final: true });
  const late = await r.join('late', 'attendee', ['skills']);
  expect(lines(late).map((l) => l.text)).toEqual(['Earlier line.']);
});

test('the channel takes another source through the same interface (a speech recognition service later)', async () => {
  const { r, ada } = await room();
  expect(r.liveSegment.captions.push({ kind: 'asr', id: 'service:asr' }, { roomId: 'plenary', text: 'Recognised words.', final: true })).toMatchObject({ ok: true });
  expect(lines(ada)).toMatchObject([{ text: 'Recognised words.', source: 'asr', final: true }]);
});
