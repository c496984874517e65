import type { Database } from 'better-sqlite3';
import { agentActor } from '@live-workshop/shared';
import type { AttendanceRecorder } from '../attendance/attendanceRecorder.js';
import type { AttendanceService } from '../attendance/attendanceService.js';
import type { AttendanceStore } from '../attendance/attendanceStore.js';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { CertificateStore } from '../certificates/certificateStore.js';
import type { Log } from '../../platform/log.js';
import type { Sessions } from '../../live/realtime/sessions.js';
import type { PeopleStore } from '../../people/peopleStore.js';

/** The name chat lines keep once their author deleted their data. */
export const DELETED_PARTICIPANT = 'deleted participant';

interface ChatRow { id: number; room_id: string; text: string; at: number }

/** Everything held about one person: download it, or delete it. */
export class PersonalData {
  private readonly chatOf;
  private readonly anonymiseChat;
  private readonly scrubAdmissions;
  private readonly deletePerson;
  private readonly attendees;

  constructor(private readonly deps: {
    db: Database; agenda: LiveAgenda; people: PeopleStore; attendanceStore: AttendanceStore; attendance: AttendanceService;
    recorder: AttendanceRecorder; certificates: CertificateStore; sessions: Sessions; log: Log;
  }) {
    const { db } = deps;
    this.chatOf = db.prepare<[string], ChatRow>(`SELECT id, room_id, text, at FROM chat WHERE from_id = ? ORDER BY id`);
    this.anonymiseChat = db.prepare(`UPDATE chat SET from_id = 'deleted', from_name = '${DELETED_PARTICIPANT}' WHERE from_id = ?`);
    // The command log keeps how the agenda unfolded; the name given at admission is personal and goes.
    this.scrubAdmissions = db.prepare(`UPDATE commands SET action = json_set(action, '$.participant.name', '${DELETED_PARTICIPANT}')
      WHERE json_extract(action, '$.type') = 'admit' AND json_extract(action, '$.participant.id') = ?`);
    this.deletePerson = db.prepare(`DELETE FROM people WHERE id = ?`);
    this.attendees = db.prepare<[], { id: string }>(`SELECT id FROM people WHERE role = 'attendee'`);
  }

  /** A person's data as one JSON document (their copy; nothing secret in it). */
  exportOf(participantId: string) {
    const person = this.deps.people.get(participantId);
    if (!person) return null;
    const { credentialGeneration: _generation, ...registration } = person;
    const participant = this.deps.agenda.state.participants[participantId] ?? null;
    return {
      exportedFor: participantId,
      registration: { ...registration, registeredAt: new Date(person.createdAt).toISOString() },
      placement: participant && { preferences: participant.preferences, breakoutId: participant.breakoutId },
      attendance: { summary: this.deps.attendance.of(participantId), events: this.deps.attendanceStore.events(participantId) },
      chatMessages: this.chatOf.all(participantId).map((m) => ({ id: m.id, roomId: m.room_id, text: m.text, at: new Date(m.at).toISOString() })),
      certificates: this.deps.certificates.all().filter((c) => c.participantId === participantId)
        .map((c) => ({ id: c.id, issuedAt: new Date(c.issuedAt).toISOString(), revokedAt: c.revokedAt && new Date(c.revokedAt).toISOString(), jwt: c.jws })),
    };
  }

  /**
   * Delete a person: out of the live agenda (which also revokes their links and ends their
   * connections), their registration, attendance and certificates' content gone, their chat lines
   * kept under "deleted participant". Returns false when there is no such person.
   */
  erase(participantId: string): boolean {
    if (!this.deps.people.get(participantId)) return false;
    // Told first, so the person hears why (the removal below would end the connection as a moderator's).
    this.deps.sessions.end(participantId, 'removed', 'Your data has been deleted.');
    if (participantId in this.deps.agenda.state.participants) {
      const removed = this.deps.agenda.execute({ action: { type: 'remove', participantId }, by: agentActor('privacy'), expectedVersion: this.deps.agenda.state.version });
      if (!removed.ok) this.deps.log.error({ code: removed.code }, 'removing a person from the agenda for deletion failed');
    }
    this.deps.recorder.erase(participantId);
    this.deps.attendanceStore.forget(participantId);
    this.deps.db.transaction(() => {
      this.anonymiseChat.run(participantId);
      this.scrubAdmissions.run(participantId);
      this.deps.certificates.erase(participantId);
      this.deletePerson.run(participantId);
    })();
    return true;
  }

  /** Delete every attendee's personal data (staff come from the event file and stay). Returns how many were deleted. */
  purgeAttendees(): number {
    const ids = this.attendees.all().map((r) => r.id);
    for (const id of ids) this.erase(id);
    this.deps.attendanceStore.purge();
    this.deps.certificates.eraseEveryone();
    return ids.length;
  }
}
