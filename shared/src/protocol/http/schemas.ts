/**
 * zod schemas of the HTTP requests the server validates (server only: the browser imports the plain
 * types from index.ts, which builds no schema). Each schema is checked against its plain type below.
 */
import { z } from 'zod';
import type { AutopilotRequest, FacilitatorInviteRequest } from './moderator.js';
import type { InviteOrganiserRequest } from './organiser.js';
import type { VerifyCertificateRequest } from './certificates.js';
import type { PreEventCheckRequest } from './operations.js';
import type { EventLifecycleRequest } from './event.js';
import { LIFECYCLE_NOTE_MAX_CHARS } from '../../event/eventLifecycle.js';

/** GET /api/registration/form?lang= */
export const registrationFormQuery = z.strictObject({ lang: z.string().regex(/^[a-z]{2}$/).default('en') });

/** The `:id` of /api/certificates/:id/… */
export const certificateIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'not a certificate id') });

/** POST /api/certificates/verify */
export const verifyCertificateBody = z.strictObject({ jwt: z.string().min(1).max(64_000) });

/** POST /api/moderator/autopilot */
export const autopilotBody = z.strictObject({ state: z.enum(['hold', 'run'], { error: 'Use "hold" or "run".' }) });

/** GET /api/moderator/occupancy?from=&to=&stepMs= */
export const occupancyQuery = z.strictObject({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  stepMs: z.coerce.number().int().min(10_000).max(3_600_000).default(60_000),
});

/** POST /api/moderator/checks */
export const preEventCheckBody = z.strictObject({ mailTo: z.email('Give a mail address for the test mail.').max(254).optional() });

const lifecycleNote = z.string().trim().max(LIFECYCLE_NOTE_MAX_CHARS).refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'no control characters').optional();

/** POST /api/moderator/event/lifecycle */
export const eventLifecycleBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('cancel'), note: lifecycleNote }),
  z.strictObject({
    action: z.literal('move'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM'),
    note: lifecycleNote,
  }),
], { error: 'Say "cancel" or "move" (with a date and a start time).' });

/** A person's name as typed: one line, trimmed. */
const personName = z.string().trim().min(1, 'Give a name.').max(120, 'At most 120 characters.').refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'No line breaks or control characters.');

/** The `:breakoutId` of /api/moderator/facilitators/:breakoutId */
export const facilitatorInviteParams = z.strictObject({ breakoutId: z.string().min(1).max(48).regex(/^[a-z0-9][a-z0-9-]*$/, 'not a breakout room id') });

/** POST /api/moderator/facilitators/:breakoutId */
export const facilitatorInviteBody = z.strictObject({ name: personName.optional() });

/** POST /api/organiser/organisers */
export const inviteOrganiserBody = z.strictObject({ name: personName });

/** The `:id` of /api/organiser/organisers/:id */
export const organiserParams = z.strictObject({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not an organiser id') });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compile-time checks: each schema parses to the plain type the browser sends. */
export type SchemasMatchPlainTypes = [
  Assert<Same<z.infer<typeof verifyCertificateBody>, VerifyCertificateRequest>>,
  Assert<Same<z.infer<typeof autopilotBody>, AutopilotRequest>>,
  Assert<Same<z.infer<typeof preEventCheckBody>, PreEventCheckRequest>>,
  Assert<Same<z.infer<typeof eventLifecycleBody>, EventLifecycleRequest>>,
  Assert<Same<z.infer<typeof facilitatorInviteBody>, FacilitatorInviteRequest>>,
  Assert<Same<z.infer<typeof inviteOrganiserBody>, InviteOrganiserRequest>>,
];

/** POST /api/organiser/events: an event file's text, or the form's event (validated again as an event). */
export const createHostedEventBody = z.union([
  z.strictObject({ yaml: z.string().min(1, 'The event file is empty.').max(256_000, 'An event file is at most 256 kB.') }),
  z.strictObject({ event: z.record(z.string(), z.unknown()) }),
], { error: 'Send { yaml: "<the event file>" } or { event: { … } }.' });

/** POST /api/organiser/events/:id/duplicate */
export const duplicateHostedEventBody = z.strictObject({
  id: z.string().min(1).max(48).regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-14').optional(),
});

/** The `:id` of /api/organiser/events/:id/… */
export const hostedEventParams = z.strictObject({ id: z.string().min(1).max(48).regex(/^[a-z0-9][a-z0-9-]*$/, 'not an event id') });
