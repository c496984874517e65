import type { Verification } from '@live-workshop/shared';
import { presenceOf, type ParticipationCredential } from './participationCredential.js';
import { wordsFor, type Words } from '../../platform/i18n.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}


/** "2025-10-23T09:30:00.000+02:00" → the wall clock it names (as a UTC instant) and its offset label ("UTC+2"). */
function wallClockOf(iso: string): { wallMs: number; offset: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!m) return null;
  const wallMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (m[6] === 'Z' || (m[8] === '00' && m[9] === '00')) return { wallMs, offset: 'UTC' };
  return { wallMs, offset: `UTC${m[7]}${Number(m[8])}${m[9] === '00' ? '' : `:${m[9]}`}` };
}

/**
 * When the event took place, in the reader's language: "Thursday 23 October 2025, 09:30–13:00 (UTC+2)",
 * the times as the event's own clock showed them (the credential's activity dates carry its offset).
 */
function eventWhen(c: ParticipationCredential, locale: string): string | null {
  const start = wallClockOf(c.credentialSubject.activityStartDate);
  const end = wallClockOf(c.credentialSubject.activityEndDate);
  if (!start || !end) return null;
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start.wallMs);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time.format(start.wallMs)}–${time.format(end.wallMs)} (${start.offset})`;
}

/** "took part in <the event>" in the reader's word order, the event's name set large (both escaped). */
function tookPart(eventName: string, t: Words['t']): string {
  const mark = '\u0000event\u0000';
  return escapeHtml(t('certpage.tookPart', { event: mark })).replace(mark, `<strong class="event">${escapeHtml(eventName)}</strong>`);
}

/** One part attended, in the reader's words: its name and how long they were there. */
function evidenceLine(e: ParticipationCredential['evidence'][number], t: Words['t']): string {
  const presence = presenceOf(e.description);
  const name = e.genre === 'breakout' ? e.name.replace(/^Breakout room: /, '') : e.name;
  const span = (n: number, unit: 'minutes' | 'seconds') => t(`duration.${unit}`, { count: n });
  const how = !presence
    ? escapeHtml(e.description)
    : presence.ran === null
      ? escapeHtml(t('certpage.tookPartFor', { time: span(presence.present, presence.unit) }))
      : escapeHtml(t('certpage.presentFor', { present: span(presence.present, presence.unit), ran: span(presence.ran, presence.unit) }));
  const label = e.genre === 'breakout' ? `${escapeHtml(t('certpage.breakoutRoom'))}: ` : '';
  return `<li>${label}<strong>${escapeHtml(name)}</strong> — ${how}</li>`;
}

/**
 * The human-readable certificate, server-rendered in the reader's language; every value from the
 * credential is escaped. It leads with what a person reads (who, which event, when, how long they were
 * there), dates through Intl in the reader's language; the technical part for verifiers (Open Badges,
 * the signature, the id and the files) is folded below. Printing it gives the PDF.
 */
export function certificatePage(input: { credential: ParticipationCredential; verification: Verification; links: { jwt: string; verify: string }; words?: Words }): string {
  const { credential: c, verification: v } = input;
  const { t, language, locale } = input.words ?? wordsFor(null);
  const holder = c.credentialSubject.identifier.find((i) => i.identityType === 'name')?.identityHash ?? t('certpage.participant');
  const evidence = c.evidence.map((e) => evidenceLine(e, t)).join('');
  // One way of writing a date on the page: the reader's language, with the zone named (UTC: the server does not know the reader's).
  const issued = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(c.validFrom));
  const when = eventWhen(c, locale);
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.name)} — ${escapeHtml(holder)}</title>
<style>
  body { font-family: Georgia, 'Times New Roman', serif; margin: 0; background: #f4f1ea; color: #1d1d1f; }
  main { max-width: 760px; margin: 2rem auto; background: #fff; padding: 3rem 3.5rem; border: 1px solid #d8d2c4; box-shadow: 0 2px 12px rgba(0,0,0,.06); }
  .kicker { font-family: system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; font-size: .8rem; color: #6b5d3f; }
  h1.holder { font-size: 2.2rem; margin: .2rem 0 1rem; font-weight: normal; overflow-wrap: anywhere; }
  .event { display: block; font-size: 1.5rem; font-weight: normal; margin: .2rem 0; }
  .status { font-family: system-ui, sans-serif; padding: .6rem .9rem; border-radius: 6px; margin: 1.5rem 0; }
  .status.valid { background: #e7f5ea; color: #1b5e20; } .status.revoked, .status.tampered { background: #fdecea; color: #8e1c1c; }
  ul { padding-left: 1.2rem; line-height: 1.6; }
  details, .links { font-family: system-ui, sans-serif; font-size: .9rem; color: #444; }
  details { border-top: 1px solid #d8d2c4; margin-top: 2rem; padding-top: .75rem; }
  summary { cursor: pointer; min-height: 24px; }
  code { overflow-wrap: anywhere; }
  .links a { display: inline-block; margin: .5rem 1rem .5rem 0; }
  :focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
  @media (max-width: 600px) { main { margin: 0; padding: 1.5rem 1rem; border: 0; } h1.holder { font-size: 1.8rem; } .event { font-size: 1.25rem; } }
  @media print { body { background: #fff; } main { border: 0; box-shadow: none; margin: 0; } .links, details { display: none; } }
</style>
</head>
<body>
<main>
  <p class="kicker">${escapeHtml(t('certpage.kicker'))}</p>
  <p>${escapeHtml(t('certpage.certifies'))}</p>
  <h1 class="holder" data-testid="holder">${escapeHtml(holder)}</h1>
  <p data-testid="event">${tookPart(c.credentialSubject.achievement.name, t)}</p>
  ${when ? `<p data-testid="when">${escapeHtml(t('certpage.on', { when }))}</p>` : ''}
  <h2>${escapeHtml(t('certpage.attended'))}</h2>
  <ul data-testid="attended">${evidence}</ul>
  <p class="status ${escapeHtml(v.status)}" role="status" data-status="${escapeHtml(v.status)}">${escapeHtml(t(`certpage.status.${v.status}`))}${v.status === 'revoked' ? ` — ${escapeHtml(v.message)}` : ''}</p>
  <p>${escapeHtml(t('certpage.issued', { date: issued, issuer: c.issuer.name }))}</p>
  <details data-testid="technical">
    <summary>${escapeHtml(t('certpage.forVerifiers'))}</summary>
    <p>${escapeHtml(t('certpage.technical'))} <code>${escapeHtml(v.certificateId ?? '')}</code></p>
    <p class="links"><a href="${escapeHtml(input.links.jwt)}" download>${escapeHtml(t('certpage.downloadJwt'))}</a><a href="${escapeHtml(input.links.verify)}">${escapeHtml(t('certpage.verifyJson'))}</a></p>
  </details>
</main>
</body>
</html>`;
}
