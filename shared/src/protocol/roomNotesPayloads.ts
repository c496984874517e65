// The room notes' requests: zod schemas, the single source of their payload types.
import { z } from 'zod';
import { slugSchema } from '../event/eventConfig.js';
import { ROOM_NOTES_MAX_CHARS } from '../notes/roomNotes.js';

/** Save a room's notes (empty text clears them); line breaks and tabs are kept, other control characters refused. */
export const roomNotesWritePayload = z.strictObject({
  breakoutId: slugSchema,
  text: z.string().max(ROOM_NOTES_MAX_CHARS, `notes are at most ${ROOM_NOTES_MAX_CHARS} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'no control characters'),
});
export type RoomNotesWritePayload = z.infer<typeof roomNotesWritePayload>;
