import { z } from 'zod';
import { TALKBACK_MAX_CHARS } from './presenting.js';

/** A deck id as the server makes them (see the slides store). */
export const deckIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);

/** Turn the slides to a page of the current deck (the deck is named, so a late click on an old deck is refused). */
export const slidesShowPayload = z.strictObject({ deckId: deckIdSchema, page: z.number().int().min(1) });
export type SlidesShowPayload = z.infer<typeof slidesShowPayload>;

/** A backstage line to the item's speakers and the moderators. */
export const talkbackSendPayload = z.strictObject({ text: z.string().trim().min(1).max(TALKBACK_MAX_CHARS) });
export type TalkbackSendPayload = z.infer<typeof talkbackSendPayload>;
