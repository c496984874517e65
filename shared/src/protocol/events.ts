import type { EventConfig } from '../event/eventConfig.js';
import type { PickBoard } from '../engine/roundPicks.js';
import type { Ack } from './result.js';
import type { SlidesState, TalkbackMessage } from '../presenting/presenting.js';
import type { ActionLogLine } from '../engine/actionLog.js';
import type { SlidesShowPayload, TalkbackSendPayload } from '../presenting/presentingPayloads.js';
import { LIVE_SEGMENT_EVENTS, type LiveSegmentClientEvents, type LiveSegmentServerEvents } from './liveSegmentEvents.js';
import { ROOM_NOTES_EVENTS, type RoomNotesClientEvents, type RoomNotesServerEvents } from './roomNotesEvents.js';
import type { AgendaCommandPayload, ChatSendPayload, HelpRequestPayload, MoveReportPayload, MuteParticipantPayload, VisitRoomPayload } from './payloads.js';
import type {
  AgendaSnapshot, AgendaWarning, Assignment, BroadcastMessage, ChatMessage, HelpRequest, RosterView, SessionEnded, Welcome,
} from './views.js';

/** Event names, declared once. Commands are imperative; facts are past tense. */
export const EVENTS = {
  agendaCommand: 'agenda:command',
  chatSend: 'chat:send',
  sessionResync: 'session:resync',
  roomVisit: 'room:visit',
  roomMute: 'room:mute',
  helpRequest: 'help:request',
  moveReport: 'move:report',
  welcome: 'session:welcomed',
  sessionEnded: 'session:ended',
  agendaChanged: 'agenda:changed',
  eventChanged: 'event:changed',
  agendaWarned: 'agenda:warned',
  assignmentChanged: 'assignment:changed',
  assignmentPrepared: 'assignment:prepared',
  broadcastSent: 'broadcast:sent',
  chatPosted: 'chat:posted',
  rosterChanged: 'roster:changed',
  actionsLogged: 'actions:logged',
  helpRequested: 'help:requested',
  slidesShow: 'slides:show',
  slidesShown: 'slides:shown',
  talkbackSend: 'talkback:send',
  talkbackPosted: 'talkback:posted',
  picksCounted: 'picks:counted',
  ...LIVE_SEGMENT_EVENTS,
  ...ROOM_NOTES_EVENTS,
} as const;

/** What a full resync returns. */
export interface SessionState {
  readonly snapshot: AgendaSnapshot;
  readonly current: Assignment;
  readonly prepared: Assignment | null;
  readonly chat: readonly ChatMessage[];
}

/** Requests from a client; each is validated on the server and answered with an ack. */
export interface ClientToServerEvents extends LiveSegmentClientEvents, RoomNotesClientEvents {
  /** Run an agenda, roster or self action. */
  'agenda:command': (payload: AgendaCommandPayload, ack: Ack<{ version: number }>) => void;
  /** Post to the chat of the room you are in. */
  'chat:send': (payload: ChatSendPayload, ack: Ack<{ id: number }>) => void;
  /** Get the whole current state again (after a reconnect). */
  'session:resync': (payload: Record<string, never> | undefined, ack: Ack<SessionState>) => void;
  /** Moderators: a token to look into any room. */
  'room:visit': (payload: VisitRoomPayload, ack: Ack<Assignment>) => void;
  /** Moderators, and a breakout room's facilitator for someone in their room: mute that person's microphone (they may unmute). */
  'room:mute': (payload: MuteParticipantPayload, ack: Ack<{ muted: number }>) => void;
  /** Ask the moderators for help. */
  'help:request': (payload: HelpRequestPayload, ack: Ack<{ at: number }>) => void;
  /** Report the time a move took. */
  'move:report': (payload: MoveReportPayload, ack: Ack<{ recorded: true }>) => void;
  /** The item's speakers and moderators: turn the slides to a page (everyone sees it). */
  'slides:show': (payload: SlidesShowPayload, ack: Ack<SlidesState>) => void;
  /** The item's speakers and moderators: a backstage line to each other, never to the audience. */
  'talkback:send': (payload: TalkbackSendPayload, ack: Ack<{ id: number }>) => void;
}

/** Facts the server sends. */
export interface ServerToClientEvents extends LiveSegmentServerEvents, RoomNotesServerEvents {
  /** Who you are and the event, once per connection. */
  'session:welcomed': (welcome: Welcome) => void;
  /** The server closed this session (another tab took over, removed, revoked). */
  'session:ended': (ended: SessionEnded) => void;
  /** The event was edited before it started. */
  'event:changed': (event: EventConfig) => void;
  /** The agenda moved: one broadcast to everyone. */
  'agenda:changed': (snapshot: AgendaSnapshot) => void;
  /** Breakouts close soon. */
  'agenda:warned': (warning: AgendaWarning) => void;
  /** Your room changed in a way no prepared assignment covered. */
  'assignment:changed': (assignment: Assignment) => void;
  /** Your room for the next agenda item, ready before the cue. */
  'assignment:prepared': (assignment: Assignment) => void;
  /** A moderator's message to all rooms. */
  'broadcast:sent': (message: BroadcastMessage) => void;
  /** A chat line in your room. */
  'chat:posted': (message: ChatMessage) => void;
  /** Moderators and speakers: the roster changed. */
  'roster:changed': (roster: RosterView) => void;
  /** Moderators: lines of the action log (the latest on connecting, then each new one). */
  'actions:logged': (lines: readonly ActionLogLine[]) => void;
  /** Moderators: someone asks for help. */
  'help:requested': (request: HelpRequest) => void;
  /** The slides changed (a page turned, a deck uploaded): to everyone; also once on connect when a deck exists. */
  'slides:shown': (slides: SlidesState) => void;
  /** The item's speakers and moderators only: a backstage line (also the recent ones, on connect). */
  'talkback:posted': (message: TalkbackMessage) => void;
  /** While a self-select round is open for picking: its rooms with live counts (to everyone, at most every 250 ms; with your own pick on connect). */
  'picks:counted': (board: PickBoard) => void;
}
