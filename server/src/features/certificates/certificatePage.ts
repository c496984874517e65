import type { Verification } from '@live-workshop/shared';
import type { ParticipationCredential } from './participationCredential.js';
import { wordsFor, type Words } from '../../platform/i18n.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}


/** The human-readable certificate, server-rendered in the reader's language; every value from the credential is escaped. Printing it gives the PDF. */
export function certificatePage(input: { credential: ParticipationCredential; verification: Verification; links: { jwt: string; verify: string }; words?: Words }): string {
  const { credential: c, verification: v } = input;
  const { t, language, locale } = input.words ?? wordsFor(null);
  const holder = c.credentialSubject.identifier.find((i) => i.identityType === 'name')?.identityHash ?? t('certpage.participant');
  const evidence = c.evidence.map((e) => `<li><strong>${escapeHtml(e.name)}</strong> — ${escapeHtml(e.description)}</li>`).join('');
  // One way of writing a date on the page: the reader's language, with the zone named (UTC: the server does not know the reader's).
  const issued = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(c.validFrom));
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
  h1 { font-size: 2.2rem; margin: .4rem 0 1.6rem; font-weight: normal; }
  .holder { font-size: 1.8rem; margin: .2rem 0 1rem; }
  .status { font-family: system-ui, sans-serif; padding: .6rem .9rem; border-radius: 6px; margin: 1.5rem 0; }
  .status.valid { background: #e7f5ea; color: #1b5e20; } .status.revoked, .status.tampered { background: #fdecea; color: #8e1c1c; }
  ul { padding-left: 1.2rem; line-height: 1.6; }
  footer, .links { font-family: system-ui, sans-serif; font-size: .85rem; color: #555; }
  .links a { margin-right: 1rem; }
  @media print { body { background: #fff; } main { border: 0; box-shadow: none; margin: 0; } .links { display: none; } }
</style>
</head>
<body>
<main>
  <div class="kicker">${escapeHtml(t('certpage.kicker'))}</div>
  <h1>${escapeHtml(c.credentialSubject.achievement.name)}</h1>
  <p>${escapeHtml(t('certpage.certifies'))}</p>
  <p class="holder">${escapeHtml(holder)}</p>
  <p>${escapeHtml(t('certpage.tookPart', { event: c.description.replace(/^Participation in /, '') }))}</p>
  <h2>${escapeHtml(t('certpage.attended'))}</h2>
  <ul>${evidence}</ul>
  <p class="status ${escapeHtml(v.status)}" role="status" data-status="${escapeHtml(v.status)}">${escapeHtml(t(`certpage.status.${v.status}`))}${v.status === 'revoked' ? ` — ${escapeHtml(v.message)}` : ''}</p>
  <footer>
    <p>${escapeHtml(t('certpage.issued', { date: issued, issuer: c.issuer.name }))}<br>
    ${escapeHtml(t('certpage.technical'))} <code>${escapeHtml(v.certificateId ?? '')}</code></p>
  </footer>
  <p class="links"><a href="${escapeHtml(input.links.jwt)}" download>${escapeHtml(t('certpage.downloadJwt'))}</a><a href="${escapeHtml(input.links.verify)}">${escapeHtml(t('certpage.verifyJson'))}</a></p>
</main>
</body>
</html>`;
}
