// The certificate page as a person reads it: who, which event, when (in their language), how long
// they were present — then, folded away, the technical part for verifiers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEventFile } from '../../live/event/loadEventFile.js';
import { wordsFor } from '../../platform/i18n.js';
import { certificatePage } from './certificatePage.js';
import { breakoutDescription, participationCredential, presenceDescription, presenceOf } from './participationCredential.js';

const event = loadEventFile(join(import.meta.dirname, '../../../events/microcredentials-2025.yaml'));
const MIN = 60_000;

/** A certificate for someone present 40 s of a 50 s opening (a rehearsal's short item), 58 of 60 min of the next, 20 min in a breakout. */
function page(language: string | null, status: 'valid' | 'tampered' = 'valid') {
  const credential = participationCredential({
    id: 'cert-1', event, publicUrl: 'https://workshop.example.org', issuedAt: Date.UTC(2025, 9, 23, 11, 5), threshold: 0.5, salt: 's',
    person: { name: 'Amira <Haddad>', email: 'amira@example.org' },
    attendance: {
      participantId: 'p1', agendaMs: 61 * MIN, presentMs: 59 * MIN, share: 0.96,
      items: [
        { itemIndex: 0, itemId: 'opening', title: event.agenda[0]!.title, kind: 'plenary', runMs: 50_000, presentMs: 40_000, connectedMs: 40_000, rooms: [] },
        { itemIndex: 1, itemId: 'breakouts', title: event.agenda[1]!.title, kind: 'breakouts', runMs: 60 * MIN, presentMs: 58 * MIN, connectedMs: 58 * MIN, rooms: [] },
        { itemIndex: 2, itemId: 'closing', title: event.agenda[2]!.title, kind: 'plenary', runMs: 10 * MIN, presentMs: 0, connectedMs: 0, rooms: [] },
      ],
      breakout: { breakoutId: event.breakouts[1]!.id, title: event.breakouts[1]!.title, ms: 20 * MIN },
      rounds: [{ roundKey: 'breakouts', roundTitle: event.agenda[1]!.title, breakoutId: event.breakouts[1]!.id, title: event.breakouts[1]!.title, ms: 20 * MIN }],
    },
  });
  const html = certificatePage({
    credential, verification: { status, message: '', certificateId: 'cert-1', credential, revokedAt: null },
    links: { jwt: '/api/certificates/cert-1/jwt', verify: '/api/certificates/cert-1/verify' }, words: wordsFor(language),
  });
  const main = html.slice(html.indexOf('<main>'));
  return { html, main, text: main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('presence in the signed evidence', () => {
  it.each([
    [40_000, 50_000, 'Present for 40 seconds of the 50 seconds this part ran.'],
    [1_000, 1_000, 'Present for 1 second of the 1 second this part ran.'],
    [58 * MIN, 60 * MIN, 'Present for 58 minutes of the 60 minutes this part ran.'],
    [61 * MIN, 60 * MIN, 'Present for 60 minutes of the 60 minutes this part ran.'],
    [MIN, MIN, 'Present for 1 minute of the 1 minute this part ran.'],
  ])('present %i ms of %i ms: %s (and back)', (presentMs, runMs, words) => {
    expect(presenceDescription(presentMs, runMs)).toBe(words);
    expect(presenceOf(words)).not.toBeNull();
  });

  it('reads its own words back, breakouts included, and nothing else', () => {
    expect(presenceOf(presenceDescription(40_000, 50_000))).toEqual({ present: 40, ran: 50, unit: 'seconds' });
    expect(presenceOf(breakoutDescription(20 * MIN))).toEqual({ present: 20, ran: null, unit: 'minutes' });
    expect(presenceOf('Present for 0 of the 0 minutes this part ran.')).toBeNull();
  });
});

describe('the certificate page', () => {
  it('leads with the person, the event, its date and their time there; never "0 of the 0 minutes"', () => {
    const { text, main } = page('en');
    expect(text).not.toMatch(/\b0 of the 0\b/);
    // ICU versions differ on a comma after the weekday.
    const order = ['This certifies that', 'Amira &lt;Haddad&gt;', `took part in ${event.title}`, /on Thursday,? 23 October 2025, 09:30–13:00 \(UTC\+2\)/, 'Attended']
      .map((s) => (typeof s === 'string' ? text.indexOf(s) : text.search(s)));
    expect(order.every((at) => at >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`${event.agenda[0]!.title} — present for 40 seconds of the 50 seconds`);
    expect(text).toContain(`${event.agenda[1]!.title} — present for 58 minutes of the 60 minutes`);
    expect(text).toContain(`Breakout room: ${event.breakouts[1]!.title} — took part for 20 minutes`);
    expect(text).not.toContain(event.agenda[2]!.title);
    // The holder's name is escaped, never markup.
    expect(main).toContain('Amira &lt;Haddad&gt;');
  });

  it('keeps Open Badges, Ed25519, the id and the files for verifiers, folded below the person', () => {
    const { main } = page('en');
    const details = main.indexOf('<details');
    expect(details).toBeGreaterThan(main.indexOf('Attended'));
    for (const technical of ['Open Badges', 'Ed25519', 'cert-1', '/api/certificates/cert-1/jwt', 'JSON']) {
      expect(main.indexOf(technical), technical).toBeGreaterThan(details);
    }
    expect(main.slice(details)).toMatch(/^<details[^>]*>\s*<summary>For verifiers: the technical details<\/summary>/);
  });

  it('writes dates one way, in the reader\'s language, and the parts in its words', () => {
    const { text, html } = page('de');
    expect(html).toMatch(/<html lang="de">/);
    expect(text).toContain('Donnerstag, 23. Oktober 2025, 09:30–13:00 (UTC+2)');
    expect(text).toContain('23. Oktober 2025');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|GMT|Thursday/);
    expect(text).toContain('40 Sekunden');
    expect(text).toContain('58 Minuten');
  });
});
