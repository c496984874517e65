/**
 * Speakers presenting live (zod-free, so the browser imports it): which sources LiveKit lets a person
 * publish, who the item's speakers are (the backstage talk-back reaches them and the moderators),
 * each speaker's slot, and the slides' limits and state. Schemas for the requests: presentingPayloads.ts.
 */
import type { Participant, RoomId } from '../domain.js';
import type { AgendaItem, EventConfig } from '../event/eventConfig.js';
import type { Phase } from '../engine/state.js';

/** A track source as LiveKit grants name it. */
export type PublishSource = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

/** Camera and microphone: what anyone allowed to publish may send. */
export const CAMERA_AND_MIC: readonly PublishSource[] = ['camera', 'microphone'];
/** Everything: people on stage may also share a screen (or tab, with its sound). */
export const STAGE_SOURCES: readonly PublishSource[] = [...CAMERA_AND_MIC, 'screen_share', 'screen_share_audio'];

/**
 * The sources LiveKit lets a person publish in a room: on the plenary's stage (anyone there who may
 * publish: speakers on stage, moderators, attendees brought on stage) everything, and backstage too
 * (staff only: a speaker rehearses their share with the moderators); in the breakouts camera and
 * microphone only; nothing when they may not publish.
 */
export function publishSourcesIn(roomId: RoomId | null, canPublish: boolean): readonly PublishSource[] {
  if (!canPublish || roomId === null) return [];
  return roomId === 'plenary' || roomId === 'backstage' ? STAGE_SOURCES : CAMERA_AND_MIC;
}

const stageOf = (item: AgendaItem | undefined): readonly string[] => (item && 'stage' in item ? item.stage : []);

/**
 * The agenda item the speakers present in now or next: the current item when it has a stage,
 * otherwise the next one that has (before the event: the first).
 */
export function presentingItemIndex(event: EventConfig, phase: Phase): number | null {
  if (phase.kind === 'ended') return null;
  const current = 'itemIndex' in phase ? phase.itemIndex : null;
  if (current !== null && stageOf(event.agenda[current]).length > 0) return current;
  for (let i = current === null ? 0 : current + 1; i < event.agenda.length; i++) if (stageOf(event.agenda[i]).length > 0) return i;
  return null;
}

/** The speakers of the item presenting now or next (the talk-back's speakers), in stage order. */
export function itemSpeakers(event: EventConfig, phase: Phase): readonly string[] {
  const index = presentingItemIndex(event, phase);
  return index === null ? [] : stageOf(event.agenda[index]);
}

/** Whether a person receives and may send backstage talk-back: moderators, and the item's speakers. */
export function inTalkback(event: EventConfig, phase: Phase, p: Pick<Participant, 'id' | 'role'>): boolean {
  return p.role === 'moderator' || (p.role === 'speaker' && itemSpeakers(event, phase).includes(p.id));
}

/** Whether a person may turn the slides' pages: moderators (taking over), and the item's speakers. */
export const maySteerSlides = inTalkback;

/**
 * Whether a person may upload slides now: speakers of the event at any time, moderators before the
 * event starts (doors not yet open, or the lobby).
 */
export function mayUploadSlides(phase: Phase, role: Participant['role']): boolean {
  if (role === 'speaker') return phase.kind !== 'ended';
  return role === 'moderator' && (phase.kind === 'scheduled' || phase.kind === 'lobby');
}

/** A speaker's slot in the running item: the item's time shared equally between its stage, in stage order. */
export interface SpeakerSlot {
  /** 0-based position in the stage list. */
  readonly index: number;
  readonly of: number;
  /** When the slot ends, on the item's clock (ms since epoch while the clock runs; with a paused clock, from `now`). */
  readonly endsAt: number;
  /** Who speaks after this slot, or null for the last one. */
  readonly nextSpeakerId: string | null;
}

/** The slot of a speaker in the current item, or null when they are not on its stage (or no item runs). */
export function speakerSlot(event: EventConfig, phase: Phase, speakerId: string, now: number): SpeakerSlot | null {
  if (!('itemIndex' in phase)) return null;
  const item = event.agenda[phase.itemIndex];
  const stage = stageOf(item);
  const index = stage.indexOf(speakerId);
  if (!item || index < 0) return null;
  const itemEndsAt = phase.timer.status === 'running' ? phase.timer.endsAt : now + phase.timer.remainingMs;
  const shareMs = (item.durationMinutes * 60_000) / stage.length;
  return { index, of: stage.length, endsAt: itemEndsAt - (stage.length - 1 - index) * shareMs, nextSpeakerId: stage[index + 1] ?? null };
}

/** Largest PDF accepted for slides, in bytes. */
export const SLIDES_MAX_BYTES = 20 * 1024 * 1024;
/** Most pages a slide deck may have. */
export const SLIDES_MAX_PAGES = 300;
/** Page changes one person may send per second (a speaker holding an arrow key sends many). */
export const SLIDE_CHANGES_PER_SECOND = 8;
/** Talk-back lines one person may send per 10 seconds. */
export const TALKBACK_PER_10_SECONDS = 10;
/** Longest talk-back line, in characters. */
export const TALKBACK_MAX_CHARS = 500;

/** The slides everyone sees: the deck and its current page; one small message per change. */
export interface SlidesState {
  readonly deckId: string;
  /** The file name as uploaded, for people. */
  readonly name: string;
  readonly pages: number;
  /** 1-based. */
  readonly page: number;
  /** Who turned to this page (or uploaded the deck). */
  readonly by: string;
  /** Server time of the change. */
  readonly at: number;
}

/** A backstage line between the item's speakers and the moderators; the audience never receives one. */
export interface TalkbackMessage {
  readonly id: number;
  readonly from: { readonly id: string; readonly name: string; readonly role: Participant['role'] };
  readonly text: string;
  readonly at: number;
}
