// Certificates of participation: issued after the end to those who attended enough, verifiable, tamper-evident, revocable.
import { afterEach, describe, expect, test } from 'vitest';
import { api, manualWorkshop, MINUTE_MS, postWebhook, recordedWorkshop } from './aroundHarness.js';
import { register } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Change one field of a signed JWT's payload, keeping the original signature. */
function tamper(jwt: string, edit: (payload: any) => void): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
  edit(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('certificates of participation', () => {
  test('issue → verify valid → tamper one field → fails → revoke → reports revoked', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann } = await recordedWorkshop(w);

    const issued = await api(w.url, '/api/certificates/mine', { credential: ann.credential });
    expect(issued.status).toBe(201);
    const { id, jwt, credential, pageUrl, verifyUrl } = issued.json;
    expect(pageUrl).toBe(`http://localhost:3000/certificates/${id}`);
    expect(verifyUrl).toBe(`http://localhost:3000/api/certificates/${id}/verify`);
    // The Open Badges 3.0 / VC 2.0 data model: achievement = the workshop, evidence = what was attended.
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'http://localhost:3000/api/certificates/issuer', type: ['Profile'] },
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: expect.arrayContaining([expect.objectContaining({ identityType: 'name', identityHash: 'Ann Example', hashed: false })]),
        achievement: { type: ['Achievement'], name: 'Microcredentials and the Future of Learning' },
      },
    });
    expect(credential.evidence.map((e: { name: string }) => e.name)).toEqual([
      'Opening plenary', 'Thematic breakout rooms', 'Report-back and ReferNet plenary',
      'Breakout room: Building Trust: The Power of Quality Assurance in Microcredentials',
    ]);
    const [header] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', typ: 'JWT', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    // Asking again hands over the same certificate.
    expect((await api(w.url, '/api/certificates/mine', { credential: ann.credential })).json).toMatchObject({ id, jwt });

    const verify = (token: string) => api(w.url, '/api/certificates/verify', { method: 'POST', body: { jwt: token } });
    expect((await verify(jwt)).json).toMatchObject({ status: 'valid', certificateId: id, credential: { name: credential.name } });
    expect((await api(w.url, `/api/certificates/${id}/verify`)).json).toMatchObject({ status: 'valid', certificateId: id });

    const forged = tamper(jwt, (c) => { c.credentialSubject.identifier[0].identityHash = 'Mallory'; });
    expect((await verify(forged)).json).toMatchObject({ status: 'tampered', credential: null });
    expect((await verify(tamper(jwt, (c) => { c.evidence.pop(); }))).json.status).toBe('tampered');
    expect((await verify('not-a-jwt')).json.status).toBe('tampered');
    // A header whose key id is not a string is a forgery like any other: a verdict, never a 500.
    for (const kid of [true, {}, 42, ['a'], 'x'.repeat(300)]) {
      const [, payload, signature] = jwt.split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid })).toString('base64url');
      const answer = await verify(`${header}.${payload}.${signature}`);
      expect(answer.status, JSON.stringify(kid)).toBe(200);
      expect(answer.json).toMatchObject({ status: 'tampered', credential: null });
    }

    expect((await api(w.url, `/api/moderator/certificates/${id}/revoke`, { method: 'POST', credential: ann.credential, body: {} })).status).toBe(403);
    const revoked = await api(w.url, `/api/moderator/certificates/${id}/revoke`, { method: 'POST', credential: w.moderatorCredential, body: { reason: 'issued in error' } });
    expect(revoked.json).toMatchObject({ id, revoked: true });
    expect((await verify(jwt)).json).toMatchObject({ status: 'revoked', message: 'Revoked by the issuer: issued in error.' });
    expect((await api(w.url, `/api/certificates/${id}/verify`)).json.status).toBe('revoked');
    expect((await api(w.url, `/certificates/${id}`)).text).toContain('data-status="revoked"');
    expect((await api(w.url, `/api/moderator/certificates/${id}/revoke`, { method: 'POST', credential: w.moderatorCredential, body: {} })).status).toBe(409);
    // A revoked certificate is not silently replaced by a new one.
    expect((await api(w.url, '/api/certificates/mine', { credential: ann.credential })).json).toMatchObject({ code: 'forbidden' });
  });

  test('not before the end; not below the threshold', async () => {
    const w = await manualWorkshop(cleanups);
    const early = (await register(w.url, { name: 'Early', email: 'early@example.org' })).body;
    expect((await api(w.url, '/api/certificates/mine', { credential: early.credential })).json).toMatchObject({ code: 'not_allowed_now' });
    const { bob } = await recordedWorkshop(w);
    const refused = await api(w.url, '/api/certificates/mine', { credential: bob.credential });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ code: 'forbidden', message: 'You attended 13% of the workshop; a certificate needs at least 50%.' });
    expect((await api(w.url, '/api/certificates/mine')).status).toBe(401);
  });

  test('the human-readable page shows the certificate and its status, with every value escaped', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann } = await recordedWorkshop(w);
    const { id } = (await api(w.url, '/api/certificates/mine', { credential: ann.credential })).json;
    const page = await api(w.url, `/certificates/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Ann Example');
    expect(page.text).toContain('Building Trust: The Power of Quality Assurance in Microcredentials');
    expect(page.text).toContain('data-status="valid"');
    expect(page.text).toContain(`/api/certificates/${id}/jwt`);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).not.toMatch(/GMT/);
    // In the reader's language: ?lang= (or the browser's Accept-Language); one way of writing the date.
    const german = await api(w.url, `/certificates/${id}?lang=de`);
    expect(german.text).toContain('<html lang="de">');
    expect(german.text).toContain('Teilnahmebescheinigung');
    expect(german.text).toContain('Geprüft: von den Organisatoren ausgestellt und unverändert');
    expect(german.text).toMatch(/Ausgestellt am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}/);
    const french = await fetch(`${w.url}/certificates/${id}`, { headers: { 'accept-language': 'fr-BE,fr;q=0.9,en;q=0.5' } });
    expect(await french.text()).toContain('Attestation de participation');
    const download = await api(w.url, `/api/certificates/${id}/jwt`);
    expect(download.text.split('.')).toHaveLength(3);
    expect((await api(w.url, '/certificates/nonexistent-id-123')).status).toBe(404);
    // The issuer's public key is published for anyone to verify offline.
    const jwks = (await api(w.url, '/api/certificates/jwks')).json;
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' })]);
    expect(jwks.keys[0].d).toBeUndefined();
  });

  test('a name with markup is shown as text on the page', async () => {
    const w = await manualWorkshop(cleanups);
    const evil = (await register(w.url, { name: '<script>alert(1)</script>', email: 'evil@example.org' })).body;
    await w.command({ type: 'openDoors' });
    await w.command({ type: 'start' });
    await postWebhook(w.url, 'participant_joined', 'plenary', evil.participantId);
    w.time.advanceBy(45 * MINUTE_MS);
    await w.command({ type: 'end' });
    const { id } = (await api(w.url, '/api/certificates/mine', { credential: evil.credential })).json;
    const page = await api(w.url, `/certificates/${id}`);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>');
  });
});
