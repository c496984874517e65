// Live captions: what a caption line is and who may write one. A human captioner types them today;
// an automatic speech recognition service would feed the same channel later (source `asr`).
import type { Role } from '../domain.js';
import type { RoomId } from '../rooms.js';

/** Longest caption line, in characters. */
export const CAPTION_MAX_CHARS = 500;
/** Caption messages one captioner may send per second (interim text while typing included). */
export const CAPTIONS_PER_SECOND = 10;
/** How many recent lines a viewer is sent on connecting. */
export const CAPTION_RECENT_LINES = 5;

/** Where captions come from: a person typing (CART), or later a speech recognition service. */
export type CaptionSourceKind = 'captioner' | 'asr';

/** One caption line in a room: `final` lines are kept for the transcript; interim ones replace each other while typed. */
export interface CaptionLine {
  readonly roomId: RoomId;
  /** Set on final lines (the transcript's order); null for interim text. */
  readonly id: number | null;
  readonly text: string;
  readonly final: boolean;
  readonly source: CaptionSourceKind;
  readonly at: number;
}

/** Who may write captions: captioners, and moderators (who stand in when no captioner came). */
export const canWriteCaptions = (role: Role): boolean => role === 'captioner' || role === 'moderator';
