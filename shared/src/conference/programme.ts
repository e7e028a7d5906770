import { z } from 'zod';
import { eventSchema } from './event.ts';
import { sessionSchema } from './session.ts';

/** The programme: the event and every session, in start order. Grouping by day is the client's. */
export const programmeSchema = z.object({
  event: eventSchema,
  sessions: z.array(sessionSchema),
});
export type Programme = z.infer<typeof programmeSchema>;
