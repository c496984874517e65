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
    description: `Present for ${minutes(i.presentMs)} of the ${minutes(i.runMs)} minutes this part ran.`,
  }));
  // One breakout room per round; with several rounds each names its round.
  const several = attendance.rounds.length > 1;
  for (const room of attendance.rounds) {
    evidence.push({
      type: ['Evidence'], name: several ? `Breakout room (${room.roundTitle}): ${room.title}` : `Breakout room: ${room.title}`, genre: 'breakout',
      description: `Took part for ${minutes(room.ms)} minutes.`,
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
