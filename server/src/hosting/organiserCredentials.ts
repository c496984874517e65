// Organiser credentials: signed like join links (HS256), but with a key of their own derived from
// the session secret, so no event's join link (a moderator's included) can ever pass as one, and
// an organiser link gets into no event.
import { createHmac } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import { bearerOf } from '../people/credentials/bearer.js';
import type { Clock } from '../platform/clock.js';
import { sendError } from '../platform/httpErrors.js';
import type { Catalogue, Organiser } from './catalogue.js';

/** How long a printed organiser link stays valid (a fresh one is printed at every start). */
export const ORGANISER_LINK_TTL_S = 14 * 24 * 3600;

const AUDIENCE = 'live-workshop:organisers';

/** Signs and verifies organiser credentials, checking the account and its generation in the catalogue. */
export class OrganiserCredentials {
  private readonly key: Uint8Array;

  constructor(sessionSecret: string, private readonly catalogue: Catalogue, private readonly clock: Clock) {
    this.key = createHmac('sha256', sessionSecret).update('live-workshop organiser credentials').digest();
  }

  async issue(organiserId: string, ttlSeconds = ORGANISER_LINK_TTL_S): Promise<string> {
    const organiser = this.catalogue.organiser(organiserId);
    if (!organiser) throw new Error(`no organiser ${organiserId}`);
    const nowS = Math.floor(this.clock.now() / 1000);
    return new SignJWT({ gen: organiser.credentialGeneration })
      .setProtectedHeader({ alg: 'HS256' }).setAudience(AUDIENCE).setSubject(organiser.id)
      .setIssuedAt(nowS).setExpirationTime(nowS + ttlSeconds).sign(this.key);
  }

  /** The organiser a credential belongs to, or null (bad signature, expired, unknown, replaced). */
  async verify(credential: unknown): Promise<Organiser | null> {
    if (typeof credential !== 'string' || credential.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(credential, this.key, { audience: AUDIENCE, algorithms: ['HS256'], currentDate: new Date(this.clock.now()) });
      const organiser = payload.sub ? this.catalogue.organiser(payload.sub) : null;
      return organiser && organiser.credentialGeneration === payload.gen ? organiser : null;
    } catch {
      return null;
    }
  }
}

/** The organiser of a request, set by requireOrganiser. */
export const organiserOf = (res: Response): Organiser => res.locals.organiser as Organiser;

/** Accept only requests signed with an organiser credential (Bearer). */
export function requireOrganiser(credentials: OrganiserCredentials): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const credential = bearerOf(req);
    if (!credential) return sendError(res, 401, 'unauthorized', 'Sign in with your organiser link (Authorization: Bearer <credential>).');
    void credentials.verify(credential).then((organiser) => {
      if (!organiser) return sendError(res, 403, 'forbidden', 'Only organisers can do that; this is not an organiser link, or it has expired.');
      res.locals.organiser = organiser;
      next();
    }, next);
  };
}
