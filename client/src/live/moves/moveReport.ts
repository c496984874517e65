/** The timings of one move, as the store, the page's `window.__lwMoves` and the server receive them. */
import type { MoveMetric } from '../../session/store/state.js';
import type { RoomAssignment } from './moveTransition.js';

declare global {
  interface Window {
    /** Every finished move of this page, for the e2e tests and the bench. */
    __lwMoves?: MoveMetric[];
  }
}

const since = (cueAtMs: number, atMs: number) => Math.max(0, Math.round(atMs - cueAtMs));

/** A move under way (`started`: the cue reached us) or an attempt that failed. */
export function moveOutcome(assignment: RoomAssignment, cueAtMs: number, nowMs: number, outcome: 'started' | 'failed'): MoveMetric {
  return { phaseKey: assignment.phaseKey, roomId: assignment.roomId, cueToConnectedMs: since(cueAtMs, nowMs), cueToPublishingMs: null, outcome };
}

/** A finished move: connected at `connectedAt`, publishing at `publishingAt` (null: not publishing). */
export function finishedMove(assignment: RoomAssignment, cueAtMs: number, connectedAt: number, publishingAt: number | null, preJoined: boolean): MoveMetric {
  return {
    preJoined,
    phaseKey: assignment.phaseKey,
    roomId: assignment.roomId,
    cueToConnectedMs: since(cueAtMs, connectedAt),
    cueToPublishingMs: publishingAt === null ? null : since(cueAtMs, publishingAt),
  };
}

/** Keep a finished move where the e2e tests and the bench read it, and send it to the server. */
export function exposeMove(metric: MoveMetric, report?: (metric: MoveMetric) => void): void {
  if (typeof window !== 'undefined') (window.__lwMoves ??= []).push(metric);
  report?.(metric);
}
