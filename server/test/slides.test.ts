// Slides over HTTP against the real app: who may upload, what is refused (by the file's bytes, its
// size, its pages) with words, who may read a deck, and the current page after a restart.
import { afterEach, describe, expect, test } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { EVENTS, SLIDES_MAX_BYTES, SLIDES_MAX_PAGES, type SlidesState } from '@live-workshop/shared';
import { makeTestPdf } from '@live-workshop/testkit';
import type { App } from '../src/app.js';
import { connectClient, register, staffCredential, startTestApp, tempDbPath } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function started(dbPath = tempDbPath()) {
  const { app, url } = await startTestApp({ dbPath });
  cleanups.push(() => app.close());
  return { app, url, dbPath };
}

const upload = (url: string, credential: string | null, body: Uint8Array | Buffer, name = 'talk.pdf') =>
  fetch(`${url}/api/slides`, {
    method: 'POST', body: Buffer.from(body),
    headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name), ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
  });

const bearer = (credential: string) => ({ headers: { authorization: `Bearer ${credential}` } });

async function startEvent(app: App, url: string) {
  const mo = await connectClient(url, await staffCredential(app, 'anastasia-pouliou'), cleanups);
  await mo.command({ type: 'openDoors' });
  await mo.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
  await mo.command({ type: 'start' });
  await mo.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
  return mo;
}

describe('uploading slides', () => {
  test('a speaker uploads a PDF: it is up at page 1 for everyone, and its name and page count are kept', async () => {
    const { app, url } = await started();
    const attendee = (await register(url, { name: 'Ada', email: 'ada@example.org' })).body.credential;
    const watcher = await connectClient(url, attendee, cleanups);
    const res = await upload(url, await staffCredential(app, 'research-lead'), await makeTestPdf(6), 'Findings – 2025.pdf');
    expect(res.status).toBe(201);
    const slides = (await res.json()) as SlidesState;
    expect(slides).toMatchObject({ name: 'Findings – 2025.pdf', pages: 6, page: 1, by: 'Research project lead' });
    expect(await watcher.next(EVENTS.slidesShown)).toEqual(slides);
  });

  test.each([
    ['not a PDF by its bytes (whatever its name and type say)', () => Buffer.from('<html>not slides</html>'), 400, 'invalid_payload', /not a PDF/],
    ['a PDF header with nothing readable after it', () => Buffer.from('%PDF-1.7\n garbage garbage'), 400, 'invalid_payload', /cannot be read/],
    ['too many pages', () => makeTestPdf(SLIDES_MAX_PAGES + 1), 400, 'invalid_payload', new RegExp(`${SLIDES_MAX_PAGES + 1} pages; slides may have at most ${SLIDES_MAX_PAGES}`)],
    ['too large', async () => Buffer.concat([Buffer.from(await makeTestPdf(1)), Buffer.alloc(SLIDES_MAX_BYTES)]), 413, 'too_large', /at most 20 MB/],
  ])('refused with words: %s', async (_what, body, status, code, words) => {
    const { app, url } = await started();
    const res = await upload(url, await staffCredential(app, 'research-lead'), await body());
    expect(res.status).toBe(status);
    const answer = (await res.json()) as { code: string; message: string };
    expect(answer.code).toBe(code);
    expect(answer.message).toMatch(words);
    const current = await fetch(`${url}/api/slides`, bearer(await staffCredential(app, 'research-lead')));
    expect(await current.json()).toEqual({ slides: null });
  });

  test('a password-protected PDF is refused with words', async () => {
    const { app, url } = await started();
    const doc = await PDFDocument.load(await makeTestPdf(2));
    // pdf-lib cannot encrypt; an /Encrypt entry in the trailer is what readers look for.
    const bytes = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1').replace('trailer\n<<', 'trailer\n<<\n/Encrypt 1 0 R');
    const res = await upload(url, await staffCredential(app, 'research-lead'), Buffer.from(bytes, 'latin1'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/password-protected/);
  });

  test('moderators upload before the event only; attendees never; without a link nobody', async () => {
    const { app, url } = await started();
    const moderator = await staffCredential(app, 'anastasia-pouliou');
    const attendee = (await register(url, { name: 'Ada', email: 'ada@example.org' })).body.credential;
    const pdf = await makeTestPdf(2);
    expect((await upload(url, null, pdf)).status).toBe(401);
    expect((await upload(url, attendee, pdf)).status).toBe(403);
    expect((await upload(url, moderator, pdf)).status).toBe(201);
    await startEvent(app, url);
    const late = await upload(url, moderator, pdf);
    expect(late.status).toBe(403);
    expect(((await late.json()) as { message: string }).message).toMatch(/speakers, or by a moderator before the event starts/);
    expect((await upload(url, await staffCredential(app, 'refernet-expert'), pdf)).status).toBe(201);
  });
});

describe('reading slides', () => {
  test('the PDF is served to the event\'s participants only', async () => {
    const { app, url } = await started();
    const { deckId } = (await (await upload(url, await staffCredential(app, 'research-lead'), await makeTestPdf(3))).json()) as SlidesState;
    const attendee = (await register(url, { name: 'Ada', email: 'ada@example.org' })).body.credential;

    expect((await fetch(`${url}/api/slides/${deckId}.pdf`)).status).toBe(401);
    expect((await fetch(`${url}/api/slides/${deckId}.pdf`, bearer('not-a-credential'))).status).toBe(401);
    const served = await fetch(`${url}/api/slides/${deckId}.pdf`, bearer(attendee));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('cache-control')).toMatch(/^private/);
    expect((await PDFDocument.load(await served.arrayBuffer())).getPageCount()).toBe(3);
    expect((await fetch(`${url}/api/slides/AAAAAAAAAAAAAAAA.pdf`, bearer(attendee))).status).toBe(404);
    expect((await fetch(`${url}/api/slides`)).status).toBe(401);
  });

  test('the current page survives a restart of the server', async () => {
    const first = await started();
    const speaker = await staffCredential(first.app, 'research-lead');
    const { deckId } = (await (await upload(first.url, speaker, await makeTestPdf(5))).json()) as SlidesState;
    await startEvent(first.app, first.url);
    const lead = await connectClient(first.url, speaker, cleanups);
    expect(await lead.request(EVENTS.slidesShow, { deckId, page: 4 })).toMatchObject({ ok: true });
    await first.app.close();

    const second = await started(first.dbPath);
    const attendee = (await register(second.url, { name: 'Bo', email: 'bo@example.org' })).body.credential;
    const again = await connectClient(second.url, attendee, cleanups);
    expect(await again.next(EVENTS.slidesShown)).toMatchObject({ deckId, page: 4, pages: 5 });
    expect(await (await fetch(`${second.url}/api/slides`, bearer(attendee))).json()).toMatchObject({ slides: { deckId, page: 4 } });
  });
});
