import { z } from 'zod';
import { calendarDateSchema, entityIdSchema, languageSchema, timeZoneSchema } from './common.ts';
import { emailSchema } from './person.ts';
import { personText } from './personText.ts';

export const eventSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  timeZone: z.string(),
  languages: z.array(languageSchema),
  /** Where people write when a link fails; shown on error pages. */
  contactEmail: z.string().nullable(),
});
export type ConferenceEvent = z.infer<typeof eventSchema>;

export const updateEventRequestSchema = z
  .object({
    name: personText('The event name', 200),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
    timeZone: timeZoneSchema,
    languages: z.array(languageSchema).min(1, 'Choose at least one language.'),
    /** Empty or absent: no contact address. */
    contactEmail: z
      .union([emailSchema, z.literal('').transform(() => null), z.null()])
      .optional()
      .transform((value) => value ?? null),
  })
  .refine((event) => event.endsOn >= event.startsOn, {
    path: ['endsOn'],
    error: 'The last day cannot be before the first day.',
  });
export type UpdateEventRequest = z.input<typeof updateEventRequestSchema>;
