import { Router, json } from 'express';
import { z } from 'zod';
import { certificateIdParams as idParams, verifyCertificateBody as verifyBody, type AgendaState } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../../people/credentials/bearer.js';
import type { Credentials } from '../../people/credentials/credentials.js';
import { parseOr400, sendError } from '../../platform/httpErrors.js';
import { certificatePage, escapeHtml } from './certificatePage.js';
import type { CertificateService, IssuedCertificate } from './certificateService.js';
import { issuerProfile, issuerUrls } from './participationCredential.js';
import type { SigningKeys } from './signingKey.js';
import { readerLanguage, wordsFor } from '../../platform/i18n.js';

const revokeBody = z.strictObject({ reason: z.string().trim().max(500).default('') }).default({ reason: '' });

/** Certificates of participation: the holder's download, public pages and verification, moderators' revocation. */
export function certificateRoutes(deps: {
  certificates: CertificateService; keys: SigningKeys; credentials: Credentials; state: () => AgendaState; publicUrl: string;
}): Router {
  const router = Router();
  const urls = issuerUrls(deps.publicUrl);
  const present = (c: IssuedCertificate) => ({ ...c, pageUrl: urls.page(c.id), verifyUrl: urls.verify(c.id) });

  router.get('/api/certificates/mine', requireSession(deps.credentials), async (_req, res) => {
    const result = await deps.certificates.mine(claimsOf(res).participantId);
    if (!result.ok) return sendError(res, result.status, result.code, result.message);
    res.status(result.created ? 201 : 200).json(present(result.certificate));
  });

  router.post('/api/certificates/verify', json({ limit: '80kb' }), async (req, res) => {
    const body = parseOr400(verifyBody, req.body, res, 'Send the signed certificate as { "jwt": "…" }.');
    if (!body) return;
    res.json(await deps.certificates.verify(body.jwt.trim()));
  });

  router.get('/api/certificates/issuer', (_req, res) => {
    res.json({ '@context': 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ...issuerProfile(deps.state().event, deps.publicUrl) });
  });
  router.get('/api/certificates/jwks', (_req, res) => res.json(deps.keys.jwks()));
  router.get('/api/certificates/achievements/:eventId', (req, res) => {
    const { event } = deps.state();
    if (req.params.eventId !== event.id) return sendError(res, 404, 'not_found', 'No such achievement.');
    res.json({ id: urls.achievement(event.id), type: ['Achievement'], name: event.title, description: event.description, creator: issuerProfile(event, deps.publicUrl) });
  });

  router.get('/api/certificates/:id/verify', async (req, res) => {
    const params = parseOr400(idParams, req.params, res);
    if (!params) return;
    const found = await deps.certificates.verifyById(params.id);
    if (found.kind === 'revoked') {
      const { record } = found;
      return res.json({ status: 'revoked', message: 'Revoked by the issuer.', certificateId: record.id, credential: null, revokedAt: record.revokedAt });
    }
    if (found.kind === 'unknown') return sendError(res, 404, 'not_found', 'No certificate with this id is on record (or its holder deleted it).');
    res.json(found.verification);
  });

  router.get('/api/certificates/:id/jwt', (req, res) => {
    const params = parseOr400(idParams, req.params, res);
    if (!params) return;
    const stored = deps.certificates.stored(params.id);
    if (!stored) return sendError(res, 404, 'not_found', 'No such certificate.');
    res.attachment(`certificate-${params.id}.jwt`).type('application/jwt').send(stored.certificate.jwt);
  });

  router.get('/certificates/:id', async (req, res) => {
    const params = idParams.safeParse(req.params);
    const stored = params.success ? deps.certificates.stored(params.data.id) : null;
    if (!stored) {
      res.status(404).type('html').send(`<!doctype html><meta charset="utf-8"><title>Certificate not found</title><p>No certificate ${escapeHtml(req.params.id)} is on record.</p>`);
      return;
    }
    const verification = await deps.certificates.verify(stored.certificate.jwt);
    res.type('html').send(certificatePage({
      credential: stored.certificate.credential, verification,
      links: { jwt: `/api/certificates/${stored.record.id}/jwt`, verify: `/api/certificates/${stored.record.id}/verify` },
      words: wordsFor(readerLanguage(req)),
    }));
  });

  const moderator = requireSession(deps.credentials, { moderator: true });
  router.get('/api/moderator/certificates', moderator, (_req, res) => {
    res.json({ certificates: deps.certificates.list() });
  });
  router.post('/api/moderator/certificates/:id/revoke', moderator, json({ limit: '4kb' }), (req, res) => {
    const params = parseOr400(idParams, req.params, res);
    const body = params && parseOr400(revokeBody, req.body ?? {}, res);
    if (!params || !body) return;
    const revoked = deps.certificates.revoke(params.id, body.reason);
    if (!revoked.ok && revoked.problem === 'unknown') return sendError(res, 404, 'not_found', 'No such certificate.');
    if (!revoked.ok) return sendError(res, 409, 'not_allowed_now', 'This certificate is already revoked.');
    res.json({ id: params.id, revoked: true, revokedAt: revoked.revokedAt });
  });
  return router;
}
