/**
 * Minimum-cost maximum flow by successive shortest paths (Bellman–Ford/SPFA on the residual
 * graph, so negative residual costs are fine), augmenting by each path's bottleneck. The
 * graphs placement builds are small (a node per group of alike people and per room), so the
 * textbook algorithm is plenty and deterministic: edges are scanned in insertion order.
 */

interface Edge {
  readonly to: number;
  capacity: number;
  readonly cost: number;
  readonly reverse: number;
}

export class FlowGraph {
  private readonly edges: Edge[][];

  constructor(readonly nodeCount: number) {
    this.edges = Array.from({ length: nodeCount }, () => []);
  }

  /** Adds an edge and returns a handle to read its flow after solving. */
  addEdge(from: number, to: number, capacity: number, cost: number): { from: number; index: number } {
    const forward: Edge = { to, capacity, cost, reverse: this.edges[to]!.length + (from === to ? 1 : 0) };
    const backward: Edge = { to: from, capacity: 0, cost: -cost, reverse: this.edges[from]!.length };
    this.edges[from]!.push(forward);
    this.edges[to]!.push(backward);
    return { from, index: this.edges[from]!.length - 1 };
  }

  /** The flow on an edge after `solve` (its reverse edge's residual capacity). */
  flowOn(handle: { from: number; index: number }): number {
    const edge = this.edges[handle.from]![handle.index]!;
    return this.edges[edge.to]![edge.reverse]!.capacity;
  }

  /** Sends as much flow as possible from source to sink at the least total cost. */
  solve(source: number, sink: number): { flow: number; cost: number } {
    let flow = 0;
    let cost = 0;
    for (;;) {
      const dist = new Array<number>(this.nodeCount).fill(Infinity);
      const via = new Array<{ node: number; edge: number } | null>(this.nodeCount).fill(null);
      const queued = new Array<boolean>(this.nodeCount).fill(false);
      dist[source] = 0;
      const queue = [source];
      queued[source] = true;
      while (queue.length > 0) {
        const u = queue.shift()!;
        queued[u] = false;
        this.edges[u]!.forEach((e, i) => {
          if (e.capacity <= 0 || dist[u]! + e.cost >= dist[e.to]!) return;
          dist[e.to] = dist[u]! + e.cost;
          via[e.to] = { node: u, edge: i };
          if (!queued[e.to]) {
            queued[e.to] = true;
            queue.push(e.to);
          }
        });
      }
      if (dist[sink] === Infinity) return { flow, cost };
      let push = Infinity;
      for (let v = sink; v !== source; v = via[v]!.node) push = Math.min(push, this.edges[via[v]!.node]![via[v]!.edge]!.capacity);
      for (let v = sink; v !== source; v = via[v]!.node) {
        const e = this.edges[via[v]!.node]![via[v]!.edge]!;
        e.capacity -= push;
        this.edges[e.to]![e.reverse]!.capacity += push;
      }
      flow += push;
      cost += push * dist[sink]!;
    }
  }
}
