import { FlowGraph } from './minCostFlow.js';

/**
 * Fair breakout placement for everyone at once: the most first choices within capacity, then
 * the most second choices, then balance — the optimum, not first come first served. Among
 * equally good plans the one that moves the fewest people from where they are now wins, and
 * ties go to earlier admissions, so the result is deterministic and stable.
 *
 * It is a min-cost flow: people with the same choices and the same current room form one
 * group (a node), each group sends its people to its first choice (cost 0), its second (K)
 * or "neither" (K + 1), where K is larger than the number of people, so one more first
 * choice always outweighs any number of second choices. Each cost is scaled by N + 1 and a
 * move away from the current room adds 1, so stability only breaks ties. People who get
 * neither choice are then spread over the least-filled rooms, keeping their room on a tie.
 */

export interface Room {
  readonly id: string;
  /** Free places for the people being placed. */
  readonly capacity: number;
  /** People already fixed in the room (who picked it themselves): counted for balance, not placed here. */
  readonly placed?: number;
}

export interface Seat {
  readonly id: string;
  /** Room ids in order of preference; unknown ids are ignored. */
  readonly preferences: readonly string[];
  /** Where the person is placed now, or null. */
  readonly current: string | null;
  /** Admission order. */
  readonly seq: number;
}

export function placeFairly(rooms: readonly Room[], seats: readonly Seat[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  if (rooms.length === 0) {
    for (const s of seats) result.set(s.id, null);
    return result;
  }
  const roomIds = new Set(rooms.map((r) => r.id));
  const ordered = [...seats].sort((a, b) => a.seq - b.seq);
  const groups = new Map<string, { choices: { id: string; rank: number }[]; current: string | null; members: Seat[] }>();
  for (const s of ordered) {
    // A choice keeps its rank when another choice names a room that no longer exists.
    const choices = s.preferences.slice(0, 2).map((id, rank) => ({ id, rank })).filter((c, i, all) => roomIds.has(c.id) && all.findIndex((o) => o.id === c.id) === i);
    const current = s.current !== null && roomIds.has(s.current) ? s.current : null;
    const key = JSON.stringify([choices, current]);
    const group = groups.get(key) ?? { choices, current, members: [] };
    group.members.push(s);
    groups.set(key, group);
  }

  const n = ordered.length;
  const K = n + 1;
  const scale = n + 1;
  const groupList = [...groups.values()];
  // Nodes: source, one per group, one per room, "neither", sink.
  const source = 0;
  const groupNode = (g: number) => 1 + g;
  const roomNode = (r: number) => 1 + groupList.length + r;
  const neither = 1 + groupList.length + rooms.length;
  const sink = neither + 1;
  const graph = new FlowGraph(sink + 1);
  const toRoom: { group: number; room: number; handle: ReturnType<FlowGraph['addEdge']> }[] = [];
  const roomIndex = new Map(rooms.map((r, i) => [r.id, i]));
  groupList.forEach((group, g) => {
    graph.addEdge(source, groupNode(g), group.members.length, 0);
    group.choices.forEach(({ id, rank }) => {
      const r = roomIndex.get(id)!;
      const cost = (rank === 0 ? 0 : K) * scale + (id === group.current ? 0 : 1);
      toRoom.push({ group: g, room: r, handle: graph.addEdge(groupNode(g), roomNode(r), group.members.length, cost) });
    });
    graph.addEdge(groupNode(g), neither, group.members.length, (K + 1) * scale);
  });
  rooms.forEach((room, r) => graph.addEdge(roomNode(r), sink, room.capacity, 0));
  graph.addEdge(neither, sink, n, 0);
  graph.solve(source, sink);

  const loads = new Map(rooms.map((r) => [r.id, r.placed ?? 0]));
  const size = (r: Room) => r.capacity + (r.placed ?? 0);
  const unplaced = new Set(ordered.map((s) => s.id));
  for (const { group, room, handle } of toRoom) {
    let count = graph.flowOn(handle);
    const id = rooms[room]!.id;
    for (const member of groupList[group]!.members) {
      if (count === 0) break;
      if (!unplaced.has(member.id)) continue;
      result.set(member.id, id);
      unplaced.delete(member.id);
      loads.set(id, loads.get(id)! + 1);
      count--;
    }
  }

  // Neither choice: the least-filled room with space (their own room on a tie); when every room
  // is full, the room least over its capacity, so the overflow is spread too.
  for (const s of ordered) {
    if (!unplaced.has(s.id)) continue;
    const withSpace = rooms.filter((r) => loads.get(r.id)! < size(r));
    const measure = withSpace.length > 0 ? (r: Room) => loads.get(r.id)! : (r: Room) => loads.get(r.id)! - size(r);
    const candidates = withSpace.length > 0 ? withSpace : rooms;
    const least = Math.min(...candidates.map(measure));
    const tied = candidates.filter((r) => measure(r) === least);
    const chosen = tied.find((r) => r.id === s.current) ?? tied[0]!;
    result.set(s.id, chosen.id);
    loads.set(chosen.id, loads.get(chosen.id)! + 1);
  }
  return result;
}
