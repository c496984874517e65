/**
 * Module-level actions on the one store. The socket layer and the move manager call these;
 * components call them only for local UI state. Each takes the receipt time where it matters,
 * so tests control the clock.
 */
import type {
  ActionLogLine, AgendaSnapshot, AgendaWarning, Assignment, BroadcastMessage, ChatMessage, HelpRequest, RosterView, SessionState, Welcome,
} from '@live-workshop/shared';
import type { LocalMedia, MediaConnectionState, RemoteParticipantView, RemoteTrackRef } from '../../live/media/livekit/types.js';
import { describeRoom } from '../../ui/words.js';
import type { LwState, MoveMetric, MoveStatus } from './state.js';
import { lwStore } from './store.js';
import { t } from '../../i18n/i18n.js';

/** When something arrived: the wall clock (for the server-time offset) and the monotonic clock (for move timings). */
export interface Receipt {
  readonly wallMs: number;
  readonly monoMs: number;
}

/** Now, on both clocks. */
export const receiptNow = (): Receipt => ({ wallMs: Date.now(), monoMs: performance.now() });

const MAX_CHAT = 500;
const MAX_ANNOUNCEMENTS = 20;
let announcementSeq = 0;

type Patch<K extends keyof LwState> = Partial<LwState[K]>;
function patch<K extends keyof LwState>(key: K, value: Patch<K>): void {
  lwStore.setState((s) => ({ [key]: { ...s[key], ...value } }) as unknown as Partial<LwState>);
}

// ---- session ----

/** The socket is connecting for the first time. */
export function sessionConnecting(): void {
  lwStore.setState({ session: { status: 'connecting' } });
}

/** The server said who we are (once per connection). */
export function applyWelcome(welcome: Welcome, at: Receipt = receiptNow()): void {
  lwStore.setState((s) => ({
    session: { status: 'connected', me: welcome.participant, event: welcome.event },
    agenda: s.agenda.snapshot ? s.agenda : { ...s.agenda, serverOffsetMs: welcome.serverTime - at.wallMs },
  }));
}

/** The event was edited before it started. */
export function applyEventChanged(event: Welcome['event']): void {
  lwStore.setState((s) => (s.session.status === 'connected' || s.session.status === 'reconnecting' ? { session: { ...s.session, event } } : {}));
}

/** The socket dropped; socket.io retries on its own. */
export function sessionInterrupted(): void {
  const s = lwStore.getState().session;
  if (s.status === 'refused' || s.status === 'ended') return;
  lwStore.setState({
    session: { status: 'reconnecting', me: s.status === 'connected' || s.status === 'reconnecting' ? s.me : null, event: s.status === 'connected' || s.status === 'reconnecting' ? s.event : null },
  });
}

/** The server refused the connection for good (bad or expired link, incompatible app). */
export function sessionRefused(code: string, message: string): void {
  lwStore.setState({ session: { status: 'refused', code, message } });
  announce(message, 'assertive');
}

/** The server closed our session (another tab took over, removed, revoked). */
export function sessionEnded(reason: string, message: string): void {
  lwStore.setState({ session: { status: 'ended', reason, message } });
  announce(message, 'assertive');
}

// ---- agenda ----

/**
 * Apply an agenda snapshot (the cue). Older versions are ignored. When a prepared assignment
 * is for this phase it becomes current at once: that is how a cue moves everyone with one broadcast.
 * Returns true when the snapshot was newer than what we had.
 */
export function applySnapshot(snapshot: AgendaSnapshot, at: Receipt = receiptNow()): boolean {
  const s = lwStore.getState();
  const prev = s.agenda.snapshot;
  if (prev && prev.eventId !== snapshot.eventId) return false;
  if (prev && snapshot.version <= prev.version) {
    if (snapshot.version === prev.version) patch('agenda', { serverOffsetMs: snapshot.serverTime - at.wallMs });
    return false;
  }
  const phaseChanged = !prev || prev.phaseKey !== snapshot.phaseKey;
  const { prepared } = s.assignment;
  const promote = prepared !== null && prepared.phaseKey === snapshot.phaseKey;
  lwStore.setState({
    agenda: { snapshot, serverOffsetMs: snapshot.serverTime - at.wallMs, warning: phaseChanged ? null : s.agenda.warning },
    assignment: promote
      ? { ...s.assignment, current: prepared, currentAtMs: at.monoMs, prepared: null }
      : s.assignment,
    ui: phaseChanged ? { ...s.ui, handRaised: false } : s.ui,
  });
  if (prev && phaseChanged) {
    const event = eventOf(lwStore.getState());
    const title = event && 'itemIndex' in snapshot.phase ? event.agenda[snapshot.phase.itemIndex]?.title : null;
    if (snapshot.phase.kind === 'ended') announce(t('announce.ended'), 'polite');
    else if (title) announce(t('announce.now', { title }), 'polite');
    else if (snapshot.phase.kind === 'lobby') announce(t('announce.lobby'), 'polite');
  }
  return true;
}

/** The breakouts close soon. */
export function applyWarning(warning: AgendaWarning): void {
  patch('agenda', { warning: { secondsLeft: warning.secondsLeft, version: warning.version } });
  announce(t('announce.breakoutsClose', { seconds: t('duration.seconds', { count: warning.secondsLeft }) }), 'assertive');
}

// ---- assignment ----

/** The room we should be in now (and its token). */
export function applyAssignment(assignment: Assignment, at: Receipt = receiptNow()): void {
  const a = lwStore.getState().assignment;
  const sameRoom = a.current?.livekitRoom === assignment.livekitRoom && a.current?.token !== null && a.currentAtMs !== null;
  lwStore.setState({
    assignment: {
      ...a,
      current: assignment,
      currentAtMs: sameRoom ? a.currentAtMs : at.monoMs,
      prepared: a.prepared?.phaseKey === assignment.phaseKey ? null : a.prepared,
    },
  });
}

/**
 * Our room for the next phase, ready before the cue. If the cue already came
 * (the snapshot has this phaseKey), it is current right away.
 */
export function applyPreparedAssignment(assignment: Assignment, at: Receipt = receiptNow()): void {
  const s = lwStore.getState();
  if (s.agenda.snapshot?.phaseKey === assignment.phaseKey) {
    if (s.assignment.current?.phaseKey !== assignment.phaseKey) applyAssignment(assignment, at);
    return;
  }
  patch('assignment', { prepared: assignment });
}

/** Everything again after a reconnect. */
export function applySessionState(state: SessionState, at: Receipt = receiptNow()): void {
  applySnapshot(state.snapshot, at);
  applyAssignment(state.current, at);
  const s = lwStore.getState();
  lwStore.setState({
    assignment: { ...s.assignment, prepared: state.prepared && state.prepared.phaseKey !== state.snapshot.phaseKey ? state.prepared : null },
    chat: { ...s.chat, messages: mergeChat(s.chat.messages, state.chat) },
  });
}

/** A moderator starts looking into another room. */
export function startVisit(assignment: Assignment, at: Receipt = receiptNow()): void {
  patch('assignment', { visit: assignment, currentAtMs: lwStore.getState().assignment.currentAtMs ?? at.monoMs });
}

/** A moderator comes back from a visit to their own room. */
export function endVisit(): void {
  patch('assignment', { visit: null });
}

// ---- chat, broadcasts ----

function mergeChat(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(existing.map((m) => [`${m.roomId}#${m.id}`, m]));
  for (const m of incoming) byId.set(`${m.roomId}#${m.id}`, m);
  return [...byId.values()].sort((a, b) => a.at - b.at || a.id - b.id).slice(-MAX_CHAT);
}

/** A chat line in one of our rooms. */
export function addChatMessage(message: ChatMessage): void {
  patch('chat', { messages: mergeChat(lwStore.getState().chat.messages, [message]) });
}

/** A moderator's message to everyone. */
export function addBroadcast(message: BroadcastMessage): void {
  const { broadcasts } = lwStore.getState().chat;
  patch('chat', { broadcasts: [...broadcasts, message].slice(-20) });
  announce(t('announce.broadcast', { from: message.from, text: message.text }), 'assertive');
}

// ---- roster (moderators, speakers) ----

/** The roster changed; older revisions are ignored. */
export function applyRoster(view: RosterView): void {
  const state = lwStore.getState();
  const prev = state.roster.view;
  if (prev && view.revision < prev.revision) return;
  patch('roster', { view });
  // Moderators hear each hand that goes up (the console may be scrolled elsewhere); the first roster is the state on arrival, not news.
  if (prev && state.session.status === 'connected' && state.session.me.role === 'moderator') {
    const raisedBefore = new Set(prev.entries.filter((e) => e.handRaised).map((e) => e.id));
    for (const e of view.entries) if (e.handRaised && !raisedBefore.has(e.id)) announce(t('a11y.handRaised', { name: e.name }));
  }
}

/**
 * Someone asks the moderators for help. Every request stays until a moderator deals with it: none
 * is pushed out by newer ones (the server limits how often one person may ask).
 */
export function addHelpRequest(request: HelpRequest): void {
  patch('roster', { helpRequests: [...lwStore.getState().roster.helpRequests, request] });
  announce(request.text ? t('announce.helpWithText', { name: request.name, text: request.text }) : t('announce.help', { name: request.name }), 'assertive');
}

/** Lines of the moderators' action log: the latest on connecting (a reconnect sends them again), then each new one. */
export function addActionLogLines(lines: readonly ActionLogLine[]): void {
  const held = lwStore.getState().roster.actionLog;
  const seen = new Set(held.map(lineKey));
  const fresh = lines.filter((l) => !seen.has(lineKey(l)));
  if (fresh.length === 0) return;
  patch('roster', { actionLog: [...held, ...fresh].slice(-ACTION_LOG_KEPT) });
}
const ACTION_LOG_KEPT = 100;
const lineKey = (l: ActionLogLine) => `${l.at}:${l.version}:${l.action.type}:${l.action.participantId ?? ''}:${l.action.text ?? ''}`;

/** A moderator has dealt with a help request. */
export function dismissHelpRequest(request: HelpRequest): void {
  patch('roster', { helpRequests: lwStore.getState().roster.helpRequests.filter((r) => r !== request) });
}

// ---- media ----

/** The pre-join check is done: our tracks (or none, to watch only) and initial mute state. */
export function setLocalMedia(local: LocalMedia, mode: 'media' | 'watch', mute: { audioMuted: boolean; videoMuted: boolean }): void {
  patch('media', { local, joinMode: mode, ...mute });
}

/** Our own mute state (the move manager applies it to the room). */
export function setMuteState(kind: 'audio' | 'video', muted: boolean): void {
  patch('media', kind === 'audio' ? { audioMuted: muted } : { videoMuted: muted });
}

/** The media room's connection changed. */
export function setMediaConnection(connection: MediaConnectionState): void {
  patch('media', { connection });
}

/** We are now in this room (or none). */
export function setConnectedRoom(roomId: LwState['media']['roomId'], canPublish: boolean): void {
  patch('media', { roomId, canPublish, participants: roomId ? lwStore.getState().media.participants : [], ...(roomId ? {} : { publishing: false, screenSharing: false }) });
}

/** The old room's sound during a move: held (still playing), fading out, or gone (no tracks). */
export function setHeldAudio(tracks: readonly RemoteTrackRef[], fading: boolean): void {
  patch('media', { heldAudio: { tracks, fading } });
}

/** The other participants of our room. */
export function setRoomParticipants(participants: readonly RemoteParticipantView[]): void {
  patch('media', { participants });
}

/** What the media server allows us now. Brought on stage, our raised hand has been answered. */
export function setCanPublish(canPublish: boolean): void {
  const { media } = lwStore.getState();
  if (canPublish && !media.canPublish && media.roomId === 'plenary') {
    setHandRaised(false);
    announce(t('announce.onStage'), 'assertive');
  } else if (!canPublish && media.canPublish && media.roomId === 'plenary') {
    announce(t('announce.backInAudience'), 'polite');
  }
  patch('media', { canPublish });
}

/** Whether our camera/microphone are published in the current room. */
export function setPublishing(publishing: boolean): void {
  patch('media', { publishing });
}

/** Whether we share our screen. */
export function setScreenSharing(screenSharing: boolean): void {
  patch('media', { screenSharing });
}

/** The browser blocks sound until a click. */
export function setAudioBlocked(audioBlocked: boolean): void {
  patch('media', { audioBlocked });
}

/** Progress of a move. */
export function setMoveStatus(move: MoveStatus): void {
  const prev = lwStore.getState().media.move;
  patch('media', { move });
  const event = eventOf(lwStore.getState());
  if (move.status === 'moving' && move.from !== null && (prev.status === 'idle' || prev.status === 'failed' || ('to' in prev && prev.to !== move.to))) {
    announce(t('announce.moving', { room: describeRoom(event, move.to) }), 'polite');
  } else if (move.status === 'retrying' && move.attempt === 1) {
    announce(t('announce.moveSlow', { room: describeRoom(event, move.to), error: move.error }), 'assertive');
  } else if (move.status === 'failed') {
    announce(t('announce.moveFailed', { room: describeRoom(event, move.to), error: move.error }), 'assertive');
  }
}

/** A move finished: keep its timings for the bench and the server. */
export function recordMove(metric: MoveMetric): void {
  patch('media', { moves: [...lwStore.getState().media.moves, metric].slice(-100) });
}

// ---- ui ----

/** Say something in the live region (moves, warnings, broadcasts, refusals). */
export function announce(text: string, urgency: 'polite' | 'assertive' = 'polite'): void {
  const { announcements } = lwStore.getState().ui;
  patch('ui', { announcements: [...announcements, { id: ++announcementSeq, text, urgency }].slice(-MAX_ANNOUNCEMENTS) });
}

/** Show (or clear) the current problem or information line. */
export function setNotice(notice: LwState['ui']['notice']): void {
  patch('ui', { notice });
  if (notice) announce(notice.text, notice.kind === 'error' ? 'assertive' : 'polite');
}

/** Our own raised hand. */
export function setHandRaised(handRaised: boolean): void {
  patch('ui', { handRaised });
}

/** The event config from the welcome. */
export function eventOf(s: LwState) {
  return s.session.status === 'connected' || (s.session.status === 'reconnecting' && s.session.event) ? s.session.event : null;
}
