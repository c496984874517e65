// Messages between the harness and its load-generating worker processes (over the fork IPC channel).

/** One simulated attendee, as registered. */
export interface ClientSpec {
  readonly id: string;
  readonly credential: string;
  /** The breakout the attendee chose (capacities are large, so it is also where they are placed). */
  readonly breakoutId: string;
}

/** How a simulated attendee gets its assignment for a new phase. */
export type ClientMode =
  /** The project's way: the prepared assignment is used when the cue arrives. */
  | 'ours'
  /** The naive way: on the cue ping, fetch everything again with `session:resync`. */
  | 'naive';

/** Where attendees belong in a phase of the bench event. */
export type PhaseKind = 'plenary' | 'breakouts';

export type WorkerRequest =
  | { type: 'connect'; url: string; clients: ClientSpec[] }
  | { type: 'disconnect'; count: number }
  | { type: 'mode'; mode: ClientMode }
  | { type: 'status'; version: number; phaseKey: string; nextPhaseKey: string | null }
  | { type: 'collect'; version: number; phaseKey: string; kind: PhaseKind; eventId: string }
  | { type: 'floorConnect'; url: string }
  | { type: 'floorCollect'; seq: number }
  | { type: 'floorDisconnect' }
  | { type: 'ask'; count: number }
  | { type: 'liveLoadStart'; spec: LiveLoadSpec }
  | { type: 'liveLoadStop' }
  | { type: 'exit' };

/** A request with the id its answer carries. */
export type WorkerEnvelope = WorkerRequest & { reqId: number };

export interface ConnectAnswer { connected: number; failed: number; errors: string[] }
export interface StatusAnswer {
  connected: number;
  /** Clients whose outcome for `version` is known (assignment in hand, or fetched). */
  settled: number;
  /** Clients holding a prepared assignment with a token for `nextPhaseKey`. */
  prepared: number;
  /** Floor sockets connected. */
  floorConnected: number;
}
export interface CollectAnswer {
  /** Wall-clock ms (fractional) when each client had its assignment with token for the new phase. */
  assignedAt: number[];
  /** Wall-clock ms when each client received the cue broadcast itself. */
  cueAt: number[];
  lost: string[];
  misplaced: string[];
  via: { prepared: number; late: number; resync: number };
  disconnects: number;
}
export interface FloorAnswer { receivedAt: number[]; lost: number }

/** The live segment's load one worker generates: its share of the rates. */
export interface LiveLoadSpec { questionIds: number[]; upvotesPerSecond: number; reactionsPerSecond: number }
/** What one worker's live-segment load did. */
export interface LiveLoadAnswer {
  seconds: number;
  clients: number;
  upvotesSent: number;
  upvotesOk: number;
  refusals: Record<string, number>;
  upvoteAckMs: number[];
  reactionsSent: number;
  reactionsOk: number;
  /** `reactions:counted` messages received, summed over the worker's clients. */
  reactionMessages: number;
}

export type WorkerAnswer = { reqId: number; ok: true; data: unknown } | { reqId: number; ok: false; error: string };

/** Wall-clock time with sub-millisecond resolution, comparable across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();
