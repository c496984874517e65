// A registration window and cap, as organisers of public events set them: registration opens and
// closes at given times; beyond the cap people join a waiting list, told so by mail, and get their
// link by mail, in order, when a place frees up (someone removed, someone's data deleted, a larger cap).
import { afterEach, describe, expect, test } from 'vitest';
import { joinLinkOf } from '@live-workshop/testkit';
import { api, manualWorkshop, MINUTE_MS } from './aroundHarness.js';
import { completeForm, register, seedEventFor } from './harness.js';
import { WORKSHOP_MORNING_MS } from './aroundHarness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const post = (url: string, form: Record<string, unknown>) => api(url, '/api/registrations', { method: 'POST', body: completeForm(form) });
const seed = seedEventFor(WORKSHOP_MORNING_MS);

describe('a capped registration with a waiting list', () => {
  test('beyond the cap people wait in order; a freed place goes to the first, by mail with the link', async () => {
    const w = await manualWorkshop(cleanups, { event: { ...seed, registration: { capacity: 2 } } });
    const ann = (await register(w.url, { name: 'Ann Placed', email: 'ann@example.org' })).body;
    await register(w.url, { name: 'Ben Placed', email: 'ben@example.org' });
    expect((await api(w.url, '/api/event')).json.registrationFull).toBe(true);

    // The same answer as anyone's: the mail says where they stand, and carries no link.
    for (const [name, email] of [['Cleo Waiting', 'cleo@example.org'], ['Dan Waiting', 'dan@example.org']]) {
      const answer = await post(w.url, { name, email });
      expect(answer).toMatchObject({ status: 202, json: { status: 'check_inbox', email } });
    }
    const cleoNotice = await w.mail!.next('cleo@example.org', 0);
    expect(cleoNotice.text).toContain('waiting list (number 1)');
    expect(cleoNotice.text).not.toMatch(/\/join\//);
    expect((await w.mail!.next('dan@example.org', 0)).text).toContain('waiting list (number 2)');

    // Ann deletes her data: her place goes to Cleo, who gets her link; Dan still waits.
    expect((await api(w.url, '/api/me', { method: 'DELETE', credential: ann.credential })).status).toBe(200);
    w.time.advanceTo(w.time.now() + 2 * MINUTE_MS);
    const cleoLink = joinLinkOf(await w.mail!.next('cleo@example.org', 1));
    const confirmed = await api(w.url, '/api/me/confirm', { method: 'POST', credential: cleoLink.split('/join/')[1] });
    expect(confirmed.status).toBe(200);
    expect(await w.mail!.count('dan@example.org')).toBe(1);
    expect((await api(w.url, '/api/moderator/preferences', { credential: w.moderatorCredential })).json.waitlisted).toBe(1);
    expect((await api(w.url, '/api/event')).json.registrationFull).toBe(true);
  });

  test('a moderator\'s removal frees a place at once', async () => {
    const w = await manualWorkshop(cleanups, { event: { ...seed, registration: { capacity: 1 } } });
    const ann = (await register(w.url, { name: 'Ann Placed', email: 'ann@example.org' })).body;
    await post(w.url, { name: 'Cleo Waiting', email: 'cleo@example.org' });
    await w.mail!.next('cleo@example.org', 0);
    expect(await w.command({ type: 'remove', participantId: ann.participantId })).toMatchObject({ ok: true });
    expect(joinLinkOf(await w.mail!.next('cleo@example.org', 1))).toMatch(/\/join\//);
    expect((await api(w.url, '/api/event')).json.registrationFull).toBe(true);
  });

  test('without a cap nobody waits', async () => {
    const w = await manualWorkshop(cleanups);
    await register(w.url, { name: 'Ann Placed', email: 'ann@example.org' });
    expect((await api(w.url, '/api/event')).json.registrationFull).toBe(false);
  });
});

describe('a registration window', () => {
  test('closed before it opens and after it closes, with the reason in words; open between', async () => {
    // The test clock: 23 October 2025, 09:00 in Brussels.
    const w = await manualWorkshop(cleanups, { event: { ...seed, registration: { opens: `${seed.date} 09:30`, closes: `${seed.date} 10:00` } } });
    const early = await post(w.url, { name: 'Eve Early', email: 'eve@example.org' });
    expect(early.status).toBe(409);
    expect(early.json.message).toMatch(/^Registration opens on Thursday,? 23 October 2025 at 09:30 CEST, UTC\+2\.$/);
    expect((await api(w.url, '/api/event')).json.registrationClosed).toBe(early.json.message);
    w.time.advanceTo(WORKSHOP_MORNING_MS + 30 * MINUTE_MS);
    expect((await post(w.url, { name: 'Eve Early', email: 'eve@example.org' })).status).toBe(202);
    w.time.advanceTo(WORKSHOP_MORNING_MS + 60 * MINUTE_MS);
    const late = await post(w.url, { name: 'Lou Late', email: 'lou@example.org' });
    expect(late.status).toBe(409);
    expect(late.json.message).toMatch(/^Registration closed on Thursday,? 23 October 2025 at 10:00 CEST, UTC\+2\.$/);
  });
});
