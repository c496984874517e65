import { z } from 'zod';

/** The live segment's settings in an event file (all optional): how questions are moderated. */
export const liveSegmentConfigSchema = z.strictObject({
  /** `immediate`: questions reach the room at once; `approval`: only once a moderator approves them. */
  questionModeration: z.enum(['immediate', 'approval']).default('immediate'),
});
export type LiveSegmentConfig = z.infer<typeof liveSegmentConfigSchema>;
