// The captions channel: one way in for every source of captions. A captioner's socket requests
// are one source (captionHandlers in liveSegment.ts); an automatic speech recognition service would
// be another, calling push() with its own CaptionSource. Final lines are stored for the
// transcript; interim text only goes out. Each line goes to the people in its room.
import { breakoutIdOf, failure, roundOfRoom, success, type AgendaState, type CaptionLine, type CaptionSourceKind, type Result, type RoomId } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import type { CaptionStore } from './captionStore.js';

/** Who feeds the channel: a person (their participant id) or a service (its own id). */
export interface CaptionSource {
  readonly kind: CaptionSourceKind;
  readonly id: string;
}

/** What a source sends: text for a room, interim while it may still change, final once it will not. */
export interface CaptionInput {
  readonly roomId: RoomId;
  readonly text: string;
  readonly final: boolean;
}

/** Where caption lines go (the people in the line's room). */
export type CaptionOutlet = (line: CaptionLine) => void;

/** The captions channel. */
export class CaptionChannel {
  constructor(private readonly deps: { store: CaptionStore; clock: Clock; state: () => AgendaState; outlet: CaptionOutlet }) {}

  /** Take text from a source: store it when final, and send it to the room. */
  push(source: CaptionSource, input: CaptionInput): Result<{ id: number | null }> {
    const { event, phase } = this.deps.state();
    if (input.roomId !== 'plenary' && !roundOfRoom(event, breakoutIdOf(input.roomId) ?? '')) return failure('unknown_breakout', `There is no room "${input.roomId}".`);
    const text = input.text.replace(/\s+/g, ' ').trim();
    const at = this.deps.clock.now();
    if (input.final && text) {
      const itemIndex = 'itemIndex' in phase ? phase.itemIndex : null;
      const stored = this.deps.store.add({ roomId: input.roomId, itemIndex, authorId: source.id, source: source.kind, text, at, final: true });
      this.deps.outlet({ roomId: stored.roomId, id: stored.id, text, final: true, source: source.kind, at });
      return success({ id: stored.id });
    }
    // Interim text (or an empty final line, which clears it) is not kept.
    this.deps.outlet({ roomId: input.roomId, id: null, text: input.final ? '' : text, final: false, source: source.kind, at });
    return success({ id: null });
  }

  /** The latest final lines of a room, for someone arriving. */
  recent(roomId: RoomId, limit: number): CaptionLine[] {
    return this.deps.store.latest(roomId, limit).map((c) => ({ roomId: c.roomId, id: c.id, text: c.text, final: true, source: c.source, at: c.at }));
  }
}
