/** The reference event and wire payloads for client tests. */
import type { AgendaSnapshot, Assignment, EventConfig, Phase, RoomId, RosterEntry, Welcome } from '@live-workshop/shared';
import { phaseKey } from '@live-workshop/shared/pure';
import { tokenFor } from './fakeMediaRoom.js';

export const EVENT: EventConfig = {
  id: 'microcredentials-2025',
  title: 'Microcredentials and the Future of Learning',
  description: 'An online workshop about microcredentials.',
  timeZone: 'Europe/Brussels',
  date: '2025-10-23',
  start: '09:30',
  end: '13:00',
  organisers: ['Anastasia Pouliou', 'Iraklis Pliakis', 'Maite Santos'],
  breakoutWarningSeconds: 60,
  moderators: [{ id: 'anastasia-pouliou', name: 'Anastasia Pouliou' }],
  speakers: [
    { id: 'research-lead', name: 'Research project lead', affiliation: 'Cedefop' },
    { id: 'refernet-expert', name: 'ReferNet national expert', affiliation: 'ReferNet' },
  ],
  breakouts: [
    { id: 'skills', title: 'Shaping Skills for Tomorrow: Microcredentials and the Labour Market', topic: 'How microcredentials can address current and future skill demands.', capacity: 150 },
    { id: 'trust', title: 'Building Trust: The Power of Quality Assurance in Microcredentials', topic: 'How to ensure the credibility and reliability of these qualifications.', capacity: 150 },
    { id: 'global', title: 'Global Credentials: Making Microcredentials Recognisable and Portable', topic: 'Transferable across borders.', capacity: 150 },
    { id: 'uncharted', title: 'Uncharted Microcredentials: Digital Innovations Beyond Formal Education', topic: 'Emerging practices.', capacity: 150 },
  ],
  agenda: [
    { id: 'opening', kind: 'plenary', title: 'Opening plenary', start: '09:30', durationMinutes: 45, description: 'Welcome and early findings.', stage: ['research-lead'] },
    { id: 'breakouts', kind: 'breakouts', title: 'Thematic breakout rooms', start: '10:15', durationMinutes: 75, description: '', staffPlacement: 'backstage' },
    { id: 'refernet', kind: 'live', title: 'Report-back and ReferNet plenary', start: '11:30', durationMinutes: 75, description: 'Live segment.', stage: ['refernet-expert'], showNotes: true },
    { id: 'closing', kind: 'closing', title: 'Closing', start: '12:45', durationMinutes: 15, description: 'Conclusions.', stage: [] },
  ],
};

/** A snapshot of a phase at a version, sent at serverTime. */
export function snapshot(version: number, phase: Phase, serverTime = 1_000_000): AgendaSnapshot {
  return { eventId: EVENT.id, version, phaseKey: phaseKey(phase), phase, serverTime };
}

/** An item phase running until endsAt. */
export function running(kind: 'plenary' | 'breakouts' | 'live' | 'closing', itemIndex: number, endsAt: number, startedAt = 0): Phase {
  return { kind, itemIndex, startedAt, timer: { status: 'running', endsAt } };
}

/** An assignment to a room for a phase key. */
export function assignment(phaseKeyValue: string, roomId: RoomId | null, canPublish: boolean): Assignment {
  const livekitRoom = roomId ? `${EVENT.id}--${roomId.replace(':', '-')}` : null;
  return {
    phaseKey: phaseKeyValue,
    roomId,
    livekitRoom,
    livekitUrl: 'ws://127.0.0.1:7880',
    token: livekitRoom ? tokenFor(livekitRoom) : null,
    canPublish,
    expiresAt: null,
  };
}

export function welcome(role: Welcome['participant']['role'], name = 'Ada Attendee', id = 'p-ada'): Welcome {
  return { protocolVersion: 1, participant: { id, name, role }, event: EVENT, serverTime: 1_000_000 };
}

export function rosterEntry(partial: Partial<RosterEntry> & { id: string; name: string }): RosterEntry {
  return {
    role: 'attendee',
    breakoutId: 'skills',
    preferences: ['skills'],
    onStage: false,
    handRaised: false,
    plannedRoom: 'plenary',
    presentIn: ['plenary'],
    connected: true,
    move: null,
    ...partial,
  };
}
