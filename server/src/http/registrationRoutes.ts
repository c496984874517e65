import { Router, json } from 'express';
import { rateLimit } from 'express-rate-limit';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import { slugSchema } from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Credentials } from '../auth/credentials.js';
import type { Clock } from '../ports/clock.js';
import type { PeopleStore } from '../store/peopleStore.js';

/** How long an attendee's join link stays valid. */
export const ATTENDEE_LINK_TTL_S = 60 * 24 * 3600;

/** The registration form. */
export const registrationSchema = z.strictObject({
  name: z.string().trim().min(1, 'Please enter your name.').max(120, 'Use at most 120 characters.'),
  email: z.email('Please enter a valid email address.').max(254),
  organisation: z.string().trim().max(200).optional(),
  preferences: z.array(slugSchema).max(2).default([]),
});

/** Registration: one person per email; registering again gives the same person a fresh link. */
export function registrationRoutes(deps: { agenda: LiveAgenda; people: PeopleStore; credentials: Credentials; clock: Clock; publicUrl: string; perIpPerMinute: number }): Router {
  const router = Router();
  const limiter = rateLimit({ windowMs: 60_000, limit: deps.perIpPerMinute, standardHeaders: 'draft-8', legacyHeaders: false,
    message: { code: 'rate_limited', message: 'Too many registrations from your address; try again in a minute.' } });

  router.post('/api/registrations', limiter, json({ limit: '16kb' }), async (req, res) => {
    const parsed = registrationSchema.safeParse(req.body);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[issue.path.join('.') || 'form'] ??= issue.message;
      res.status(400).json({ code: 'invalid_payload', message: 'Please check the form.', fieldErrors });
      return;
    }
    const form = parsed.data;
    const breakouts = new Set(deps.agenda.state.event.breakouts.map((b) => b.id));
    const unknown = form.preferences.find((id) => !breakouts.has(id));
    if (unknown) {
      res.status(400).json({ code: 'unknown_breakout', message: `There is no breakout room "${unknown}".`, fieldErrors: { preferences: 'Choose one of the listed rooms.' } });
      return;
    }
    const existing = deps.people.findByEmail(form.email);
    const person = existing ?? deps.people.add({
      id: `a-${nanoid(12)}`, role: 'attendee', name: form.name, email: form.email, organisation: form.organisation ?? null,
      details: { preferences: form.preferences }, createdAt: deps.clock.now(),
    });
    if (!(person.id in deps.agenda.state.participants)) {
      const admitted = deps.agenda.system({ type: 'admit', participant: { id: person.id, name: person.name, role: person.role, preferences: form.preferences } });
      if (!admitted.ok) {
        res.status(409).json({ code: admitted.code, message: admitted.message });
        return;
      }
    }
    const credential = await deps.credentials.issue(person.id, ATTENDEE_LINK_TTL_S);
    res.status(existing ? 200 : 201).json({
      participantId: person.id, credential, joinUrl: `${deps.publicUrl}/join/${credential}`, alreadyRegistered: existing !== null,
    });
  });
  return router;
}
