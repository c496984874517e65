import { createHash } from 'node:crypto';
import { eventWindowMs, zonedIso, type EventConfig } from '@live-workshop/shared';
import type { ParticipantAttendance } from '../attendance/attendanceReport.js';

/** JSON-LD contexts of an Open Badges 3.0 credential (W3C VC Data Model 2.0). */
export const OB3_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;

/** Where the issuer's documents live, from the public URL. */
export const issuerUrls = (publicUrl: string) => ({
  profile: `${publicUrl}/api/certificates/issuer`,
  jwks: `${publicUrl}/api/certificates/jwks`,
  achievement: (eventId: string) => `${publicUrl}/api/certificates/achievements/${eventId}`,
  page: (id: string) => `${publicUrl}/certificates/${id}`,
  verify: (id: string) => `${publicUrl}/api/certificates/${id}/verify`,
});

/** The issuer profile: the event's organisers. */
export function issuerProfile(event: EventConfig, publicUrl: string) {
  return {
    id: issuerUrls(publicUrl).profile,
    type: ['Profile'],
    name: event.organisers.length > 0 ? `${event.organisers.join(', ')}, organisers of "${event.title}"` : `Organisers of "${event.title}"`,
    url: publicUrl,
  };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Time in the credential's words: whole minutes, or seconds for a part shorter than a minute (never "0 of the 0 minutes"). */
const spanWords = (ms: number, unit: 'minutes' | 'seconds') => {
  const n = unit === 'minutes' ? minutes(ms) : Math.round(ms / 1000);
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
};

/** How long someone was present in an agenda part, as the signed evidence says it (English, like the rest of the credential). */
export function presenceDescription(presentMs: number, runMs: number): string {
  const unit = runMs >= 60_000 ? 'minutes' : 'seconds';
  return `Present for ${spanWords(Math.min(presentMs, runMs), unit)} of the ${spanWords(runMs, unit)} this part ran.`;
}

/** How long someone took part in their breakout room, as the signed evidence says it. */
export function breakoutDescription(ms: number): string {
  return `Took part for ${spanWords(ms, ms >= 60_000 ? 'minutes' : 'seconds')}.`;
}

/** Time present in one part of a certificate: `ran` is null for a breakout room (its run is not stated). */
export interface Presence {
  readonly present: number;
  readonly ran: number | null;
  readonly unit: 'minutes' | 'seconds';
}

/**
 * The numbers back from presenceDescription or breakoutDescription (for the certificate page, which
 * writes them in the reader's language); null for any other text (a certificate issued before).
 */
export function presenceOf(description: string): Presence | null {
  const unitOf = (word: string) => (word.startsWith('minute') ? 'minutes' : 'seconds');
  const part = /^Present for (\d+) (minutes?|seconds?) of the (\d+) (minutes?|seconds?) this part ran\.$/.exec(description);
  if (part) return { present: Number(part[1]), ran: Number(part[3]), unit: unitOf(part[4]!) };
  const breakout = /^Took part for (\d+) (minutes?|seconds?)\.$/.exec(description);
  if (breakout) return { present: Number(breakout[1]), ran: null, unit: unitOf(breakout[2]!) };
  return null;
}

/**
 * A certificate of participation as an OpenBadgeCredential: achievement = the workshop,
 * evidence = the agenda items and the breakout room the person attended in each round (from LiveKit presence).
 * The subject is identified by name and a salted hash of their email, not by an account id.
 */
export function participationCredential(input: {
  id: string; event: EventConfig; publicUrl: string; issuedAt: number; threshold: number;
  person: { name: string; email: string | null }; attendance: ParticipantAttendance; salt: string;
}) {
  const { event, attendance, publicUrl } = input;
  const urls = issuerUrls(publicUrl);
  const issuer = issuerProfile(event, publicUrl);
  const { startMs, endMs } = eventWindowMs(event);
  const identifier: { type: string; identityType: string; hashed: boolean; identityHash: string; salt?: string }[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.person.name }];
  if (input.person.email) {
    const hash = createHash('sha256').update(input.person.email + input.salt).digest('hex');
    identifier.push({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hash}`, salt: input.salt });
  }
  const evidence: { type: string[]; name: string; genre: string; description: string }[] = attendance.items.filter((i) => i.presentMs > 0).map((i) => ({
    type: ['Evidence'], name: i.title, genre: i.kind as string,
    description: presenceDescription(i.presentMs, i.runMs),
  }));
  // One breakout room per round; with several rounds each names its round.
  const several = attendance.rounds.length > 1;
  for (const room of attendance.rounds) {
    evidence.push({
      type: ['Evidence'], name: several ? `Breakout room (${room.roundTitle}): ${room.title}` : `Breakout room: ${room.title}`, genre: 'breakout',
      description: breakoutDescription(room.ms),
    });
  }
  return {
    '@context': [...OB3_CONTEXTS],
    id: urls.page(input.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: new Date(input.issuedAt).toISOString(),
    name: `Certificate of participation: ${event.title}`,
    description: `Participation in "${event.title}", ${event.date}, ${event.start}–${event.end} (${event.timeZone}).`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      activityStartDate: zonedIso(startMs, event.timeZone),
      activityEndDate: zonedIso(endMs, event.timeZone),
      achievement: {
        id: urls.achievement(event.id),
        type: ['Achievement'],
        name: event.title,
        description: event.description || event.title,
        criteria: { narrative: `Attended at least ${Math.round(input.threshold * 100)}% of the time the workshop's agenda ran, as recorded by the media server.` },
        creator: issuer,
      },
    },
    evidence,
  };
}

export type ParticipationCredential = ReturnType<typeof participationCredential>;
