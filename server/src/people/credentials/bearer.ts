import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from '../../platform/httpErrors.js';
import { addToLogContext } from '../../platform/log.js';
import type { CredentialProblem, Credentials, SessionClaims } from './credentials.js';

/** Words for the refusals a person can act on; every other problem is "not valid". */
const LINK_REFUSALS: Partial<Record<CredentialProblem, string>> = {
  revoked: 'This link has been replaced or withdrawn.',
  other_event: 'This link belongs to another event.',
};

/** The credential in `Authorization: Bearer <credential>`, or null. */
export function bearerOf(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The verified session of a request, set by requireSession. */
export const claimsOf = (res: Response): SessionClaims => res.locals.claims as SessionClaims;

/**
 * Accept only requests with a valid session credential (Bearer; or `?credential=` where a plain
 * link must work, e.g. a calendar download). Moderators only when asked.
 */
export function requireSession(credentials: Credentials, options: { moderator?: boolean; allowQuery?: boolean } = {}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = options.allowQuery && typeof req.query.credential === 'string' ? req.query.credential : null;
    const credential = bearerOf(req) ?? fromQuery;
    if (!credential) {
      sendError(res, 401, 'unauthorized', 'Sign in with your personal link (Authorization: Bearer <credential>).');
      return;
    }
    void credentials.verify(credential).then((verified) => {
      if (!verified.ok) {
        sendError(res, 401, 'unauthorized', LINK_REFUSALS[verified.problem] ?? 'This link is not valid.');
        return;
      }
      if (options.moderator && verified.claims.role !== 'moderator') {
        sendError(res, 403, 'forbidden', 'Only moderators can do that.');
        return;
      }
      res.locals.claims = verified.claims;
      addToLogContext({ participantId: verified.claims.participantId });
      next();
    }, next);
  };
}
