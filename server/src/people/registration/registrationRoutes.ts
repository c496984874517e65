import { Router, json } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { EventConfig } from '@live-workshop/shared';
import { claimsOf, requireSession } from '../credentials/bearer.js';
import type { Credentials } from '../credentials/credentials.js';
import { PRIVACY_NOTICE_VERSION } from '../../features/privacy/privacyNotice.js';
import { fieldErrorsOf, sendError } from '../../platform/httpErrors.js';
import { limiterStore, type Limiters } from '../../platform/rateLimits.js';
import { registrationFormSchema } from './registrationForm.js';
import type { Registration } from './registrationService.js';

export { ATTENDEE_LINK_TTL_S } from './registrationService.js';

/**
 * How many registrations are taken, per window. Per address it is high, because a whole office or
 * campus registers from one address after the invitation mail; per email it is low, because each
 * accepted registration mails that address (so nobody's inbox can be flooded through the form).
 */
export interface RegistrationLimits {
  readonly perAddress: number;
  readonly perEmail: number;
  readonly windowMs: number;
}

/** The defaults: 1,000 per address and 5 per email in 15 minutes. */
export const DEFAULT_REGISTRATION_LIMITS: RegistrationLimits = { perAddress: 1000, perEmail: 5, windowMs: 15 * 60_000 };

/** POST /api/registrations: parse the form, let the Registration service decide, answer the same for everyone. */
export function registrationRoutes(deps: {
  registration: Registration; credentials: Credentials; event: () => EventConfig; limits: RegistrationLimits;
  /** In a cluster, where the counts are kept (Redis), so a limit holds whichever node a form reaches; default: express-rate-limit's own memory. */
  limiters?: Limiters;
}): Router {
  const router = Router();
  const { limits } = deps;
  const windowSeconds = Math.ceil(limits.windowMs / 1000);
  const storeOf = (name: string, limit: number) => (deps.limiters?.shared ? { store: limiterStore(deps.limiters(name, limit, windowSeconds)) } : {});
  const perAddress = rateLimit({ windowMs: limits.windowMs, limit: limits.perAddress, standardHeaders: 'draft-8', legacyHeaders: false, ...storeOf('registrations:address', limits.perAddress),
    message: { code: 'rate_limited', message: 'Too many registrations from your address; try again in a few minutes.' } });
  const perEmail = rateLimit({
    windowMs: limits.windowMs, limit: limits.perEmail, standardHeaders: false, legacyHeaders: false, ...storeOf('registrations:email', limits.perEmail),
    // Counted only for well-formed bodies; a missing email shares one bucket, refused by the form anyway.
    keyGenerator: (req) => `email:${typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : ''}`,
    message: { code: 'rate_limited', message: 'This address was sent several links just now; please check its inbox (and spam folder) first.' },
  });

  router.post('/api/registrations', perAddress, json({ limit: '16kb' }), perEmail, async (req, res) => {
    const closed = deps.registration.closedBecause();
    if (closed) {
      sendError(res, 409, 'not_allowed_now', closed);
      return;
    }
    const parsed = registrationFormSchema(deps.event()).safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'invalid_payload', 'Please check the form.', { fieldErrors: fieldErrorsOf(parsed.error) });
      return;
    }
    if (parsed.data.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION) {
      sendError(res, 400, 'invalid_payload', 'The privacy notice has changed.', {
        fieldErrors: { consent: 'The privacy notice has changed since you opened the form; please read it again and accept it.' },
      });
      return;
    }
    const outcome = await deps.registration.register(parsed.data);
    if (outcome.kind === 'closed') {
      sendError(res, 409, 'not_allowed_now', outcome.message);
      return;
    }
    res.status(202).json({ status: 'check_inbox', email: parsed.data.email });
  });

  // Following a mailed link confirms the address and admits the person: the join page's connection does it
  // (the handshake calls the same Registration.admit); this is the same step for a client that does not connect.
  router.post('/api/me/confirm', requireSession(deps.credentials), async (_req, res) => {
    const { participantId } = claimsOf(res);
    const admitted = await deps.registration.admit(participantId);
    if (!admitted.ok) {
      sendError(res, admitted.code === 'removed' ? 403 : admitted.code === 'unavailable' ? 503 : 409, admitted.code === 'removed' ? 'forbidden' : admitted.code, admitted.message);
      return;
    }
    res.json({ participantId, confirmed: true });
  });
  return router;
}
