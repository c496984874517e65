import { agentActor } from '@live-workshop/shared';
import type { AttendanceRecorder } from '../attendance/attendanceRecorder.js';
import type { AttendanceService } from '../attendance/attendanceService.js';
import type { AttendanceStore } from '../attendance/attendanceStore.js';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { CertificateStore } from '../certificates/certificateStore.js';
import type { Log } from '../../platform/log.js';
import type { Sessions } from '../../live/realtime/sessions.js';
import type { PeopleStore } from '../../people/peopleStore.js';
import type { AgendaStore } from '../../live/agenda/agendaStore.js';
import type { ChatStore } from '../../live/chat/chatStore.js';
import type { Transaction } from '../../platform/db/db.js';
import type { LiveSegmentPersonalData } from '../../live/segment/liveSegment.js';

/** The name chat lines keep once their author deleted their data. */
export const DELETED_PARTICIPANT = 'deleted participant';

/**
 * Everything held about one person: download it, or delete it. Each feature's store exports and
 * deletes its own part; this only says what belongs to a person and does it in one transaction.
 */
export class PersonalData {
  constructor(private readonly deps: {
    agenda: LiveAgenda; agendaStore: AgendaStore; people: PeopleStore; chat: ChatStore; attendanceStore: AttendanceStore;
    attendance: AttendanceService; recorder: AttendanceRecorder; certificates: CertificateStore; sessions: Sessions; log: Log;
    transaction: Transaction;
    /** Questions asked and upvoted, poll votes, captions typed. */
    liveSegment?: LiveSegmentPersonalData;
  }) {}

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
      chatMessages: this.deps.chat.writtenBy(participantId).map((m) => ({ id: m.id, roomId: m.roomId, text: m.text, at: new Date(m.at).toISOString() })),
      certificates: this.deps.certificates.all().filter((c) => c.participantId === participantId)
        .map((c) => ({ id: c.id, issuedAt: new Date(c.issuedAt).toISOString(), revokedAt: c.revokedAt && new Date(c.revokedAt).toISOString(), jwt: c.jws })),
      ...this.deps.liveSegment?.exportOf(participantId),
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
      // One node: removed before the lines below run. A shared agenda saves the removal across the network meanwhile.
      void this.deps.agenda.submit({ action: { type: 'remove', participantId }, by: agentActor('privacy'), expectedVersion: this.deps.agenda.state.version }).then((removed) => {
        if (!removed.ok) this.deps.log.error({ code: removed.code }, 'removing a person from the agenda for deletion failed');
      });
    }
    this.deps.recorder.erase(participantId);
    this.deps.attendanceStore.forget(participantId);
    this.deps.transaction(() => {
      this.deps.chat.anonymise(participantId, DELETED_PARTICIPANT);
      this.deps.liveSegment?.erase(participantId, DELETED_PARTICIPANT);
      // The command log keeps how the agenda unfolded; the name given at admission is personal and goes.
      this.deps.agendaStore.scrubAdmissionName(participantId, DELETED_PARTICIPANT);
      this.deps.certificates.erase(participantId);
      this.deps.people.delete(participantId);
    });
    return true;
  }

  /** Delete every attendee's personal data (staff come from the event file and stay). Returns how many were deleted. */
  purgeAttendees(): number {
    const ids = this.deps.people.list('attendee').map((p) => p.id);
    for (const id of ids) this.erase(id);
    this.deps.attendanceStore.purge();
    this.deps.certificates.eraseEveryone();
    return ids.length;
  }
}
