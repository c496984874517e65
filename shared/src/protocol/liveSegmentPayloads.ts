// The live segment's requests (questions, polls, reactions, captions): zod schemas, the single
// source of their payload types; the server validates each at the edge with these.
import { z } from 'zod';
import { QUESTION_MAX_CHARS } from '../liveSegment/questions.js';

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
