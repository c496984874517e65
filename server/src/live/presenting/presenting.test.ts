// Slides and talk-back over the in-memory transport: who receives what, and who may do what.
import { describe, expect, test } from 'vitest';
import { EVENTS, type SlidesState } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';
import { makeTestPdf } from '@live-workshop/testkit';

const eventsOf = (socket: MemorySocket) => socket.flush().map((r) => r.event);

async function inOpeningPlenary() {
  const room = memoryRoom();
  const [mo, lead, expert, ada] = [
    await room.join('anastasia-pouliou', 'moderator'), await room.join('research-lead', 'speaker'),
    await room.join('refernet-expert', 'speaker'), await room.join('ada', 'attendee'),
  ];
  room.moderate({ type: 'openDoors' });
  room.moderate({ type: 'start' });
  await room.settle();
  for (const s of [mo, lead, expert, ada]) s.flush();
  return { room, mo, lead, expert, ada };
}

describe('backstage talk-back', () => {
  test('a speaker\'s line reaches the moderators and the item\'s speakers, never an attendee', async () => {
    const { mo, lead, expert, ada } = await inOpeningPlenary();
    expect(await lead.request(EVENTS.talkbackSend, { text: 'Can you hear me?' })).toMatchObject({ ok: true });
    const line = { from: { id: 'research-lead', role: 'speaker' }, text: 'Can you hear me?' };
    for (const s of [mo, lead, expert]) expect(s.flush()).toMatchObject([{ event: EVENTS.talkbackPosted, args: [line] }]);
    expect(ada.flush()).toEqual([]);

    expect(await mo.request(EVENTS.talkbackSend, { text: 'two minutes left' })).toMatchObject({ ok: true });
    expect([eventsOf(lead), eventsOf(expert), eventsOf(ada)]).toEqual([[EVENTS.talkbackPosted], [EVENTS.talkbackPosted], []]);
  });

  test('an attendee may not post; nobody hears of the attempt', async () => {
    const { mo, lead, ada } = await inOpeningPlenary();
    expect(await ada.request(EVENTS.talkbackSend, { text: 'let me in' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect([eventsOf(mo), eventsOf(lead), eventsOf(ada)]).toEqual([[], [], []]);
  });

  test('someone who connects later gets the recent lines if they are in the talk-back; an attendee gets none', async () => {
    const { room, lead } = await inOpeningPlenary();
    await lead.request(EVENTS.talkbackSend, { text: 'slides ready' });
    const mo2 = await room.join('iraklis-pliakis', 'moderator');
    const bo = await room.join('bo', 'attendee');
    expect(mo2.flush().filter((r) => r.event === EVENTS.talkbackPosted)).toMatchObject([{ args: [{ text: 'slides ready' }] }]);
    expect(eventsOf(bo)).not.toContain(EVENTS.talkbackPosted);
  });

  test('at the closing (no stage) the speakers are out of the talk-back: a moderator\'s line reaches only moderators', async () => {
    const { room, mo, lead, expert, ada } = await inOpeningPlenary();
    for (let i = 0; i < 3; i++) room.moderate({ type: 'next' });
    await room.settle();
    expect(room.agenda.state.phase).toMatchObject({ kind: 'closing' });
    const mo2 = await room.join('maite-santos', 'moderator');
    for (const s of [mo, lead, expert, ada, mo2]) s.flush();
    expect(await mo.request(EVENTS.talkbackSend, { text: 'wrap up' })).toMatchObject({ ok: true });
    expect([eventsOf(mo), eventsOf(mo2), eventsOf(lead), eventsOf(expert), eventsOf(ada)]).toEqual([[EVENTS.talkbackPosted], [EVENTS.talkbackPosted], [], [], []]);
    expect(await lead.request(EVENTS.talkbackSend, { text: 'still here' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('an empty or oversized line is refused', async () => {
    const { lead } = await inOpeningPlenary();
    expect(await lead.request(EVENTS.talkbackSend, { text: '   ' })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await lead.request(EVENTS.talkbackSend, { text: 'x'.repeat(501) })).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

describe('turning the slides', () => {
  async function withDeck(pages = 5) {
    const setup = await inOpeningPlenary();
    const uploaded = await setup.room.presenting.slides.upload('research-lead', 'talk.pdf', await makeTestPdf(pages));
    if (!uploaded.ok) throw new Error(uploaded.message);
    for (const s of [setup.mo, setup.lead, setup.expert, setup.ada]) s.flush();
    return { ...setup, deck: uploaded.slides };
  }

  test('the speaker turns a page: one small message to everyone, attendees included', async () => {
    const { mo, lead, expert, ada, deck } = await withDeck();
    expect(deck).toMatchObject({ name: 'talk.pdf', pages: 5, page: 1 });
    expect(await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 4 })).toMatchObject({ ok: true, data: { page: 4 } });
    for (const s of [mo, lead, expert, ada]) {
      const [shown] = s.flush();
      expect(shown).toMatchObject({ event: EVENTS.slidesShown, args: [{ deckId: deck.deckId, page: 4, pages: 5, by: 'Person research-lead' }] });
      expect(JSON.stringify(shown!.args[0]).length).toBeLessThan(300);
    }
  });

  test('a moderator can take over; an attendee cannot turn a page, and nothing is sent', async () => {
    const { mo, ada, deck } = await withDeck();
    expect(await ada.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 2 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(eventsOf(mo)).toEqual([]);
    expect(await mo.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 2 })).toMatchObject({ ok: true, data: { page: 2, by: 'Person anastasia-pouliou' } });
    expect(eventsOf(ada)).toEqual([EVENTS.slidesShown]);
  });

  test('a page outside the deck, an old deck or a malformed request changes nothing', async () => {
    const { room, lead, ada, deck } = await withDeck(3);
    const before: SlidesState | null = room.presenting.slides.current();
    expect(await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 4 })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 0 })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await lead.request(EVENTS.slidesShow, { deckId: 'AAAAAAAAAAAAAAAA', page: 2 })).toMatchObject({ ok: false, code: 'not_allowed_now' });
    expect(await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 2, extra: 1 })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(room.presenting.slides.current()).toStrictEqual(before);
    expect(eventsOf(ada)).toEqual([]);
  });

  test('page turns are rate-limited per person', async () => {
    const { lead, deck } = await withDeck(20);
    const answers = [];
    for (let page = 2; page <= 12; page++) answers.push(await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page }));
    expect(answers.filter((a) => a.ok)).toHaveLength(8);
    expect(answers.at(-1)).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  test('someone who connects while a deck is up is shown its current page', async () => {
    const { room, lead, deck } = await withDeck();
    await lead.request(EVENTS.slidesShow, { deckId: deck.deckId, page: 3 });
    const late = await room.join('cy', 'attendee');
    expect(late.flush().find((r) => r.event === EVENTS.slidesShown)).toMatchObject({ args: [{ page: 3 }] });
  });
});
