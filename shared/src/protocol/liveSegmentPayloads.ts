// The live segment's requests (questions, polls, reactions, captions): zod schemas, the single
// source of their payload types; the server validates each at the edge with these.
import { z } from 'zod';
import { QUESTION_MAX_CHARS } from '../liveSegment/questions.js';
import {
  POLL_KINDS, POLL_MAX_DURATION_SECONDS, POLL_MAX_OPTIONS, POLL_OPTION_MAX_CHARS, POLL_QUESTION_MAX_CHARS, POLL_WORD_MAX_CHARS,
} from '../liveSegment/polls.js';
import { REACTIONS } from '../liveSegment/reactions.js';
import { CAPTION_MAX_CHARS } from '../liveSegment/captions.js';

const questionId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Ask a question, optionally anonymous to the room (never to moderators). */
export const questionAskPayload = z.strictObject({
  text: z.string().trim().min(1).max(QUESTION_MAX_CHARS),
  anonymous: z.boolean().default(false),
});
/** What a client sends (`anonymous` may be left out). */
export type QuestionAskPayload = z.input<typeof questionAskPayload>;

/** Upvote a question (once per person). */
export const questionUpvotePayload = z.strictObject({ questionId });
export type QuestionUpvotePayload = z.infer<typeof questionUpvotePayload>;

/** A moderator's decision on one question. */
export const questionModerationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('approve') }),
  z.strictObject({ type: z.literal('hide') }),
  z.strictObject({ type: z.literal('answered'), answered: z.boolean() }),
  z.strictObject({ type: z.literal('edit'), text: z.string().trim().min(1).max(QUESTION_MAX_CHARS) }),
  /** Fold this question (a duplicate) into another: its votes join the other's. */
  z.strictObject({ type: z.literal('merge'), into: questionId }),
  z.strictObject({ type: z.literal('pin') }),
  z.strictObject({ type: z.literal('unpin') }),
]);
export type QuestionModerationAction = z.infer<typeof questionModerationSchema>;

/** Moderators: act on one question. */
export const questionModeratePayload = z.strictObject({ questionId, action: questionModerationSchema });
export type QuestionModeratePayload = z.infer<typeof questionModeratePayload>;

/** Moderators: questions shown at once, or only after approval. */
export const questionConfigurePayload = z.strictObject({ moderation: z.enum(['immediate', 'approval']) });
export type QuestionConfigurePayload = z.infer<typeof questionConfigurePayload>;

// ---- polls ----

const pollOption = z.string().trim().min(1).max(POLL_OPTION_MAX_CHARS);

const pollShape = {
  question: z.string().trim().min(1).max(POLL_QUESTION_MAX_CHARS),
  kind: z.enum(POLL_KINDS),
  options: z.array(pollOption).max(POLL_MAX_OPTIONS).default([]),
};
const optionsFitKind = (def: { kind: (typeof POLL_KINDS)[number]; options: string[] }, ctx: z.RefinementCtx) => {
  const choice = def.kind === 'single' || def.kind === 'multiple';
  if (choice && def.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice poll needs at least two options' });
  if (!choice && def.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${def.kind} poll has no options` });
};
const pollId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes');

/** A poll's question, kind and options: choice polls have 2–10 options, rating and word polls none. */
export const pollDefinitionSchema = z.strictObject(pollShape).superRefine(optionsFitKind);

/** A poll prepared in the event file, launched from the console by its id. */
export const preparedPollSchema = z.strictObject({ id: pollId, ...pollShape }).superRefine(optionsFitKind);
export type PreparedPoll = z.infer<typeof preparedPollSchema>;

const pollRoom = z.union([z.literal('plenary'), z.string().regex(/^breakout:[a-z0-9][a-z0-9-]{0,47}$/)]);

/** Launch a poll (prepared in the event file, by id, or written now) to everyone or to one room, closing by hand or after a time. */
export const pollLaunchPayload = z.strictObject({
  poll: z.union([z.strictObject({ preparedId: pollId }), pollDefinitionSchema]),
  audience: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('everyone') }), z.strictObject({ kind: z.literal('room'), roomId: pollRoom })]),
  durationSeconds: z.number().int().min(5).max(POLL_MAX_DURATION_SECONDS).nullable().default(null),
});
export type PollLaunchPayload = z.input<typeof pollLaunchPayload>;

/** An answer to a poll (a second one replaces the first while the poll is open). */
export const pollAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), choice: z.number().int().min(0).max(POLL_MAX_OPTIONS) }),
  z.strictObject({ kind: z.literal('multiple'), choices: z.array(z.number().int().min(0).max(POLL_MAX_OPTIONS)).min(1).max(POLL_MAX_OPTIONS).readonly() }),
  z.strictObject({ kind: z.literal('rating'), rating: z.number().int().min(1).max(5) }),
  z.strictObject({ kind: z.literal('word'), word: z.string().trim().min(1).max(POLL_WORD_MAX_CHARS) }),
]);

/** Answer a poll. */
export const pollVotePayload = z.strictObject({ pollId, answer: pollAnswerSchema });
export type PollVotePayload = z.infer<typeof pollVotePayload>;

/** Close a poll, or show or hide its results to its audience. */
export const pollControlPayload = z.strictObject({
  pollId,
  action: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('close') }), z.strictObject({ type: z.literal('showResults'), shown: z.boolean() })]),
});
export type PollControlPayload = z.infer<typeof pollControlPayload>;

// ---- reactions ----

/** A reaction on the stage (or in one's room). */
export const reactionSendPayload = z.strictObject({ reaction: z.enum(REACTIONS) });
export type ReactionSendPayload = z.infer<typeof reactionSendPayload>;

// ---- captions ----

/** A captioner's text for a room: interim while typing, final at the end of a line (kept for the transcript). */
export const captionSendPayload = z.strictObject({
  roomId: z.union([z.literal('plenary'), z.string().regex(/^breakout:[a-z0-9][a-z0-9-]{0,47}$/)]),
  text: z.string().max(CAPTION_MAX_CHARS),
  final: z.boolean(),
});
export type CaptionSendPayload = z.infer<typeof captionSendPayload>;

/** Which transcript to download: a room, and optionally one agenda item (its index). */
export const transcriptQuery = z.strictObject({
  roomId: captionSendPayload.shape.roomId,
  item: z.coerce.number().int().min(0).max(1000).optional(),
});
