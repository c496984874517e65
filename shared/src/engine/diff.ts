import type { Effect, Move, PermissionChange } from './effects.js';
import { placementIn } from './placement.js';
import type { AgendaState } from './state.js';

const NOWHERE = { roomId: null, canPublish: false } as const;

/** Moves, permission changes and roster changes between two states. */
export function placementEffects(before: AgendaState, after: AgendaState): Effect[] {
  const samePhase = before.phase === after.phase && before.event === after.event;
  const ids = new Set<string>();
  for (const id of Object.keys(after.participants)) {
    if (!samePhase || before.participants[id] !== after.participants[id]) ids.add(id);
  }
  for (const id of Object.keys(before.participants)) if (!(id in after.participants)) ids.add(id);

  const moves: Move[] = [];
  const changes: PermissionChange[] = [];
  const changedRecords: string[] = [];
  for (const id of ids) {
    const oldP = before.participants[id];
    const newP = after.participants[id];
    if (oldP !== newP) changedRecords.push(id);
    const from = oldP ? placementIn(before.event, before.phase, oldP) : NOWHERE;
    const to = newP ? placementIn(after.event, after.phase, newP) : NOWHERE;
    if (from.roomId !== to.roomId) moves.push({ participantId: id, from: from.roomId, to: to.roomId, canPublish: to.canPublish });
    else if (to.roomId !== null && from.canPublish !== to.canPublish) changes.push({ participantId: id, roomId: to.roomId, canPublish: to.canPublish });
  }
  const effects: Effect[] = [];
  if (moves.length > 0) effects.push({ type: 'move', moves });
  if (changes.length > 0) effects.push({ type: 'setPermissions', changes });
  if (changedRecords.length > 0) effects.push({ type: 'rosterChanged', participantIds: changedRecords });
  return effects;
}
