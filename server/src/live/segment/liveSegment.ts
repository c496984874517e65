// The live segment beside the agenda: questions from the audience (qa/), polls (polls/), reactions
// (reactions/), live captions (captions/), and the requests,
// greetings, routes and personal data it adds to a connection and to the app. app.ts and
// memoryRoom.ts build it; connection.ts merges its handlers and greets each new connection.
import type { Database } from 'better-sqlite3';
import {
  CAPTION_RECENT_LINES, CAPTIONS_PER_SECOND, EVENTS, QUESTIONS_PER_MINUTE, REACTION_LIMIT_WINDOW_S, REACTIONS_PER_WINDOW, canWriteCaptions, captionSendPayload,
  failure, placementOf, reactionSendPayload, type AgendaState, type LiveSegmentClientEvents, type RoomId,
} from '@live-workshop/shared';
import { memoryLimiters, type Limiter, type Limiters } from '../../platform/rateLimits.js';
import type { Clock, Scheduler } from '../../platform/clock.js';
import { SqliteMetaStore } from '../../platform/db/metaStore.js';
import type { Log } from '../../platform/log.js';
import { topics, type RoomSocket, type Transport } from '../realtime/transport.js';
import { QuestionBoard } from '../qa/questionBoard.js';
import { greetWithQuestions, questionHandlers } from '../qa/questionHandlers.js';
import { SqliteQuestionStore } from '../qa/questionStore.js';
import { PollBoard } from '../polls/pollBoard.js';
import { greetWithPolls, pollHandlers } from '../polls/pollHandlers.js';
import { SqlitePollStore } from '../polls/pollStore.js';
import { ReactionCounter } from '../reactions/reactionCounter.js';
import { handle, type RequestHandler } from '../realtime/handle.js';
import { CaptionChannel } from '../captions/captionChannel.js';
import { SqliteCaptionStore } from '../captions/captionStore.js';

/** A handler for every live-segment request. */
export type LiveSegmentHandlers = { readonly [Name in keyof LiveSegmentClientEvents]: RequestHandler };

/** A person's part of the live segment's data: in their export, and erased with them. */
export interface LiveSegmentPersonalData {
  exportOf(participantId: string): Record<string, unknown>;
  erase(participantId: string, name: string): void;
}

/** What the live segment needs; the transport is read when something is sent (it is built after the routes). */
export interface LiveSegmentDeps {
  db: Database;
  transport: () => Pick<Transport, 'broadcast' | 'publish'>;
  state: () => AgendaState;
  clock: Clock;
  scheduler: Scheduler;
  log: Log;
  /** The per-socket request budget every request goes through. */
  limiter: Limiter;
  /** Makes the per-person limits (reactions, captions, questions); default: in this process. */
  limits?: Limiters;
}

/** The live segment, built. */
export interface LiveSegment {
  readonly handlers: LiveSegmentHandlers;
  readonly questions: QuestionBoard;
  readonly polls: PollBoard;
  readonly captions: CaptionChannel;
  /** Final caption lines, for the transcripts. */
  readonly captionStore: SqliteCaptionStore;
  readonly personalData: LiveSegmentPersonalData;
  /** Send a new connection what it needs to show the live segment. */
  greet(socket: RoomSocket): void;
  close(): void;
}

/** Build the live segment over the data file. */
export function createLiveSegment(deps: LiveSegmentDeps): LiveSegment {
  const { clock, scheduler, state, log } = deps;
  const questionStore = new SqliteQuestionStore(deps.db);
  const questions = new QuestionBoard({
    store: questionStore, meta: new SqliteMetaStore(deps.db), clock, scheduler, state,
    outlet: {
      room: (view) => deps.transport().broadcast(EVENTS.questionsChanged, view),
      roomCounts: (counts) => deps.transport().broadcast(EVENTS.questionsCounted, counts),
      moderators: (view) => deps.transport().publish(topics.moderators, EVENTS.questionsModerated, view),
    },
  });
  const pollStore = new SqlitePollStore(deps.db);
  const polls = new PollBoard({
    store: pollStore, clock, scheduler, state,
    outlet: {
      audience: (poll) => (poll.audience.kind === 'everyone'
        ? deps.transport().broadcast(EVENTS.pollChanged, poll)
        : deps.transport().publish(topics.chat(poll.audience.roomId), EVENTS.pollChanged, poll)),
      // A breakout's facilitator (a speaker) who launched the poll watches its results too.
      moderators: (poll, launchedBy) => deps.transport().publish([topics.moderators, topics.speaker(launchedBy)], EVENTS.pollTallied, poll),
    },
  });
  const reactions = new ReactionCounter({ clock, scheduler, state, send: (counts) => deps.transport().publish(topics.chat(counts.roomId), EVENTS.reactionsCounted, counts) });
  const limits = deps.limits ?? memoryLimiters;
  const reactionLimiter = limits('reactions', REACTIONS_PER_WINDOW, REACTION_LIMIT_WINDOW_S);
  const captionStore = new SqliteCaptionStore(deps.db);
  const captions = new CaptionChannel({ store: captionStore, clock, state, outlet: (line) => deps.transport().publish(topics.chat(line.roomId), EVENTS.captionAdded, line) });
  const captionLimiter = limits('captions', CAPTIONS_PER_SECOND, 1);
  const handlers: LiveSegmentHandlers = {
    ...questionHandlers({ board: questions, log, limiter: deps.limiter, askLimiter: limits('questions', QUESTIONS_PER_MINUTE, 60) }),
    ...pollHandlers({ board: polls, log, limiter: deps.limiter }),
    [EVENTS.reactionSend]: handle({ log, limiter: deps.limiter }, 'reaction', reactionSendPayload, async ({ reaction }, { claims: me }) => {
      try {
        await reactionLimiter.consume(me.participantId);
      } catch {
        return failure('rate_limited', 'That is a lot of clapping: your reactions pause for a few seconds.');
      }
      return reactions.react(me.participantId, reaction);
    }),
    // The captioner's way into the captions channel; a speech recognition service would push() as source `asr`.
    [EVENTS.captionSend]: handle({ log, limiter: deps.limiter }, 'caption', captionSendPayload, async ({ roomId, text, final }, { claims: me }) => {
      if (!canWriteCaptions(me.role)) return failure('forbidden', 'Only captioners write the captions.');
      // A captioner captions the room they hear (chosen with the captionRoom action); a moderator standing in, any room.
      if (me.role === 'captioner' && placementOf(state(), me.participantId).roomId !== roomId) {
        return failure('forbidden', 'You caption the room you are listening to; choose that room first.');
      }
      try {
        await captionLimiter.consume(me.participantId);
      } catch {
        return failure('rate_limited', 'Captions are arriving too fast; send whole words or lines.');
      }
      return captions.push({ kind: 'captioner', id: me.participantId }, { roomId: roomId as RoomId, text, final });
    }),
  };
  return {
    handlers, questions, polls, captions, captionStore,
    personalData: {
      exportOf: (participantId) => ({
        questionsAsked: questionStore.askedBy(participantId).map((q) => ({
          id: q.id, text: q.text, anonymous: q.anonymous, askedAt: new Date(q.askedAt).toISOString(), status: q.status, votes: q.votes,
        })),
        questionsUpvoted: questionStore.votedBy(participantId),
        captionsWritten: captionStore.writtenBy(participantId).map((c) => ({ roomId: c.roomId, text: c.text, at: new Date(c.at).toISOString() })),
        pollAnswers: pollStore.votesOf(participantId).map((v) => ({ pollId: v.pollId, answer: v.answer, at: new Date(v.at).toISOString() })),
      }),
      erase: (participantId, name) => {
        questions.forget(participantId, name);
        polls.forget(participantId);
      },
    },
    greet(socket) {
      greetWithQuestions(questions, socket);
      greetWithPolls(polls, state(), socket);
      const roomId = placementOf(state(), socket.claims.participantId).roomId;
      if (roomId) for (const line of captions.recent(roomId, CAPTION_RECENT_LINES)) socket.send(EVENTS.captionAdded, line);
    },
    close() {
      questions.close();
      polls.stop();
      reactions.close();
    },
  };
}
