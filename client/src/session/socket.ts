/**
 * The Socket.IO connection: wires server facts to store actions, and sends commands.
 * Event names come only from shared EVENTS; acks are Result<T> and refusals come back in words.
 */
import { io, type Socket } from 'socket.io-client';
import type { Assignment, ClientAction, ClientToServerEvents, Result, RoomId, ServerToClientEvents, SessionState } from '@live-workshop/shared';
import { EVENTS, PROTOCOL_VERSION } from '@live-workshop/shared/pure';
import {
  addActionLogLines, addBroadcast, addChatMessage, addHelpRequest, applyAssignment, applyPreparedAssignment, applyRoster, applySessionState, applySnapshot,
  applyEventChanged, applyWarning, applyWelcome, endVisit, receiptNow, sessionConnecting, sessionEnded, sessionInterrupted, sessionRefused, setNotice, startVisit,
} from './store/actions.js';
import { addTalkback, applySlides } from './store/presentingActions.js';
import { applyPickBoard } from './store/picksActions.js';
import type { MoveMetric } from './store/state.js';
import { lwStore } from './store/store.js';
import { wireLiveSegment } from '../live/segment/liveSegmentSocket.js';
import { wireRoomNotes } from '../live/notes/roomNotesSocket.js';
import { forgetCredential, storedCredential } from './credential.js';
import { pageCorrelationId } from '../net/correlation.js';
import { clientFailure, handshakeRefusalWords, refusalWords, type RequestResult } from './refusals.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { eventPath } from '../net/eventBase.js';

/** The typed client socket. */
export type LwSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a request waits for its ack. */
const ACK_TIMEOUT_MS = 10_000;

let socket: LwSocket | null = null;

/** Connect to the event with our credential, and mirror everything into the store. */
export function connectSession(credential: string, url?: string): LwSocket {
  disconnectSession();
  sessionConnecting();
  // An event served at /e/<id> has its Socket.IO there too (net/eventBase.ts).
  const s: LwSocket = io(url ?? '/', {
    path: eventPath('/socket.io'),
    auth: { credential, protocolVersion: PROTOCOL_VERSION, correlationId: pageCorrelationId },
    // Retries at about 0.5, 1, 2, 2, 2 … s (± half, so thousands of pages spread out): a restarted
    // server is heard from within about 2 s of answering again, not up to 5 s later.
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
  });
  socket = s;
  let everConnected = false;

  s.on('connect', () => {
    if (everConnected) void resync();
    everConnected = true;
  });
  s.on('connect_error', (error) => {
    const code = error.message;
    const words = handshakeRefusalWords(code);
    if (words || !s.active) {
      if (code === 'unauthorized' && storedCredential() === credential) forgetCredential();
      sessionRefused(code, words ?? t('session.couldNotConnect', { code }));
      s.disconnect();
      return;
    }
    sessionInterrupted();
  });
  s.on('disconnect', (reason) => {
    const status = lwStore.getState().session.status;
    if (status === 'ended' || status === 'refused') return;
    if (reason === 'io client disconnect') return;
    if (reason === 'io server disconnect') {
      sessionEnded('closed', t('session.serverClosed'));
      return;
    }
    sessionInterrupted();
  });

  s.on(EVENTS.welcome, (welcome) => {
    if (welcome.protocolVersion !== PROTOCOL_VERSION) {
      sessionRefused('incompatible_protocol', handshakeRefusalWords('incompatible_protocol')!);
      s.disconnect();
      return;
    }
    applyWelcome(welcome, receiptNow());
  });
  s.on(EVENTS.sessionEnded, (ended) => {
    sessionEnded(ended.reason, currentLanguage() === 'en' ? ended.message : t(`session.ended.${ended.reason}`, { defaultValue: ended.message }));
    s.disconnect();
  });
  s.on(EVENTS.eventChanged, (event) => applyEventChanged(event));
  s.on(EVENTS.agendaChanged, (snapshot) => applySnapshot(snapshot, receiptNow()));
  s.on(EVENTS.agendaWarned, (warning) => applyWarning(warning));
  s.on(EVENTS.assignmentChanged, (assignment) => applyAssignment(assignment, receiptNow()));
  s.on(EVENTS.assignmentPrepared, (assignment) => applyPreparedAssignment(assignment, receiptNow()));
  s.on(EVENTS.broadcastSent, (message) => addBroadcast(message));
  s.on(EVENTS.chatPosted, (message) => addChatMessage(message));
  s.on(EVENTS.rosterChanged, (roster) => applyRoster(roster));
  s.on(EVENTS.actionsLogged, (lines) => addActionLogLines(lines));
  s.on(EVENTS.helpRequested, (request) => addHelpRequest(request));
  s.on(EVENTS.slidesShown, (slides) => applySlides(slides));
  s.on(EVENTS.talkbackPosted, (message) => addTalkback(message));
  s.on(EVENTS.picksCounted, (board) => applyPickBoard(board));
  wireLiveSegment(s);
  wireRoomNotes(s);
  return s;
}

/** Close the connection (leaving the page, or before connecting with another credential). */
export function disconnectSession(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
}

type AckData<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (r: Result<infer T>) => void ? T : never;

/** Send a request and wait for its Result (the live segment's requests use it too); a timeout or a lost connection is a failure of our own (never the server's `internal`). */
export async function request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<RequestResult<AckData<E>>> {
  const s = socket;
  if (!s || !s.connected) return clientFailure('not_connected');
  try {
    // The event maps type each ack; socket.io's generic emitWithAck cannot see through them.
    const emit = s.timeout(ACK_TIMEOUT_MS).emitWithAck as unknown as (e: E, p: unknown) => Promise<Result<AckData<E>>>;
    return await emit.call(s.timeout(ACK_TIMEOUT_MS), event, payload);
  } catch {
    return clientFailure('timeout');
  }
}

/** Fetch the whole state again (after a reconnect, or a stale command). */
export async function resync(): Promise<RequestResult<SessionState>> {
  const result = await request(EVENTS.sessionResync, {});
  if (result.ok) applySessionState(result.data, receiptNow());
  return result;
}

/**
 * Run an agenda, roster or self action against the latest agenda version we have.
 * A stale version refreshes the state and says so; every refusal is shown in words.
 */
export async function sendCommand(action: ClientAction): Promise<RequestResult<{ version: number }>> {
  const expectedVersion = lwStore.getState().agenda.snapshot?.version ?? 0;
  const result = await request(EVENTS.agendaCommand, { expectedVersion, action });
  if (!result.ok) {
    if (result.code === 'stale_version') {
      await resync();
      setNotice({ kind: 'error', text: t('session.staleRefusal', { words: refusalWords(result) }) });
    } else {
      setNotice({ kind: 'error', text: refusalWords(result) });
    }
  }
  return result;
}

/** Post a chat line to the room we are in. */
export async function sendChat(text: string): Promise<RequestResult<{ id: number }>> {
  return request(EVENTS.chatSend, { text });
}

/** Ask the moderators for help. */
export async function requestHelp(text: string): Promise<RequestResult<{ at: number }>> {
  return request(EVENTS.helpRequest, { text });
}

/** Moderators: look into a room for a while (the move manager takes us there). */
export async function visitRoom(roomId: RoomId): Promise<RequestResult<Assignment>> {
  const result = await request(EVENTS.roomVisit, { roomId });
  if (result.ok) startVisit(result.data, receiptNow());
  else setNotice({ kind: 'error', text: refusalWords(result) });
  return result;
}

/** Moderators: come back from a visit. */
export function leaveVisit(): void {
  endVisit();
}

/** Tell the server how a move went (with this page's correlation id). */
export function reportMove(metric: MoveMetric): void {
  void request(EVENTS.moveReport, { ...metric, correlationId: pageCorrelationId });
}
