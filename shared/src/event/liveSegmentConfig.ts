import { z } from 'zod';
import { preparedPollSchema } from '../protocol/liveSegmentPayloads.js';

/** The live segment's settings in an event file (all optional): how questions are moderated, polls prepared ahead. */
export const liveSegmentConfigSchema = z
  .strictObject({
    /** `immediate`: questions reach the room at once; `approval`: only once a moderator approves them. */
    questionModeration: z.enum(['immediate', 'approval']).default('immediate'),
    /** Polls ready to launch from the console. */
    polls: z.array(preparedPollSchema).default([]),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.polls.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['polls', i, 'id'], message: `duplicate id "${p.id}"` });
      seen.add(p.id);
    });
  });
export type LiveSegmentConfig = z.infer<typeof liveSegmentConfigSchema>;
