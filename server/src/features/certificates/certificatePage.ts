import type { Verification } from '@live-workshop/shared';
import type { ParticipationCredential } from './participationCredential.js';

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STATUS_WORDS: Record<Verification['status'], string> = {
  valid: 'Verified: issued by the organisers and unchanged',
  tampered: 'Not valid: the content does not match the signature',
  revoked: 'Revoked by the issuer',
};

/** The human-readable certificate, server-rendered; every value from the credential is escaped. Printing it gives the PDF. */
export function certificatePage(input: { credential: ParticipationCredential; verification: Verification; links: { jwt: string; verify: string } }): string {
  const { credential: c, verification: v } = input;
  const holder = c.credentialSubject.identifier.find((i) => i.identityType === 'name')?.identityHash ?? 'Participant';
  const evidence = c.evidence.map((e) => `<li><strong>${escapeHtml(e.name)}</strong> — ${escapeHtml(e.description)}</li>`).join('');
  const issued = new Date(c.validFrom).toUTCString();
  return `<!doctype html>
<html lang="en">
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
  <div class="kicker">Certificate of participation</div>
  <h1>${escapeHtml(c.credentialSubject.achievement.name)}</h1>
  <p>This certifies that</p>
  <p class="holder">${escapeHtml(holder)}</p>
  <p>took part in ${escapeHtml(c.description.replace(/^Participation in /, ''))}</p>
  <h2>Attended</h2>
  <ul>${evidence}</ul>
  <p class="status ${escapeHtml(v.status)}" role="status" data-status="${escapeHtml(v.status)}">${escapeHtml(STATUS_WORDS[v.status])}${v.status === 'revoked' ? ` — ${escapeHtml(v.message)}` : ''}</p>
  <footer>
    <p>Issued ${escapeHtml(issued)} by ${escapeHtml(c.issuer.name)}.<br>
    Open Badges 3.0 credential, signed with Ed25519. Certificate id: <code>${escapeHtml(v.certificateId ?? '')}</code></p>
  </footer>
  <p class="links"><a href="${escapeHtml(input.links.jwt)}" download>Download the signed credential</a><a href="${escapeHtml(input.links.verify)}">Verification result (JSON)</a></p>
</main>
</body>
</html>`;
}
