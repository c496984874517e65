// Test support for placement: how a plan serves people, and first come, first served as registration
// placed people before fair placement (issue 13 §2), to compare the solver against. Not used by the engine.
import type { Room, Seat } from './fairPlacement.js';

/** How a plan serves people: first choices, second choices, neither, and the largest overfill of a room. */
export function scorePlan(rooms: readonly Room[], seats: readonly Seat[], plan: ReadonlyMap<string, string | null>) {
  let first = 0;
  let second = 0;
  const loads = new Map(rooms.map((r) => [r.id, 0]));
  for (const s of seats) {
    const room = plan.get(s.id) ?? null;
    if (room === null) continue;
    loads.set(room, (loads.get(room) ?? 0) + 1);
    if (room === s.preferences[0]) first++;
    else if (room === s.preferences[1]) second++;
  }
  const over = Math.max(0, ...rooms.map((r) => loads.get(r.id)! - r.capacity));
  return { first, second, neither: seats.length - first - second, over, loads };
}

/** Registration-time placement as it was: in admission order, first choice with room, then second, then the least filled. */
export function firstComeFirstServed(rooms: readonly Room[], seats: readonly Seat[]): Map<string, string | null> {
  const loads = new Map(rooms.map((r) => [r.id, 0]));
  const plan = new Map<string, string | null>();
  for (const s of [...seats].sort((a, b) => a.seq - b.seq)) {
    const wanted = s.preferences.find((id) => rooms.some((r) => r.id === id && loads.get(id)! < r.capacity));
    const byLoad = [...rooms].sort((a, b) => loads.get(a.id)! - loads.get(b.id)!);
    const id = wanted ?? (byLoad.find((r) => loads.get(r.id)! < r.capacity) ?? byLoad[0]!).id;
    plan.set(s.id, id);
    loads.set(id, loads.get(id)! + 1);
  }
  return plan;
}
