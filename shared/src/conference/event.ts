import { z } from 'zod';
import { calendarDateSchema, entityIdSchema, languageSchema, timeZoneSchema } from './common.ts';
import { personText } from './personText.ts';

export const eventSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  timeZone: z.string(),
  languages: z.array(languageSchema),
});
export type ConferenceEvent = z.infer<typeof eventSchema>;

export const updateEventRequestSchema = z
  .object({
    name: personText('The event name', 200),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
    timeZone: timeZoneSchema,
    languages: z.array(languageSchema).min(1, 'Choose at least one language.'),
  })
  .refine((event) => event.endsOn >= event.startsOn, {
    path: ['endsOn'],
    error: 'The last day cannot be before the first day.',
  });
export type UpdateEventRequest = z.infer<typeof updateEventRequestSchema>;
