/** Store actions for how loud we hear others (a volume per person and one for the stage). */
import type { RoomId } from '@live-workshop/shared/pure';
import type { ListeningSlice } from './state.js';
import { lwStore } from './store.js';

/** A volume as the slider gives it, kept within 0–1 (anything else, NaN included, is full volume). */
const clampVolume = (volume: number) => (Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1);

/** How loud one remote person is heard (0–1). */
export function setPersonVolume(identity: string, volume: number): void {
  lwStore.setState((s) => ({ listening: { ...s.listening, personVolume: { ...s.listening.personVolume, [identity]: clampVolume(volume) } } }));
}

/** How loud the stage is heard (0–1), on top of each person's own volume. */
export function setStageVolume(volume: number): void {
  lwStore.setState((s) => ({ listening: { ...s.listening, stageVolume: clampVolume(volume) } }));
}

/** The volume an audio element plays one person at: their own volume, times the stage's in the plenary. */
export function playbackVolume(listening: ListeningSlice, identity: string, roomId: RoomId | null): number {
  const own = listening.personVolume[identity] ?? 1;
  return roomId === 'plenary' ? own * listening.stageVolume : own;
}
