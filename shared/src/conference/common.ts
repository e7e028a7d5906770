import { z } from 'zod';
import { documentIdSchema } from '../protocol/documentId.ts';

/** Languages the conference works in and the interface is translated into. */
export const languageCodes = ['en', 'fr', 'es', 'ar'] as const;
export const languageSchema = z.enum(languageCodes, {
  error: 'Choose one of the supported languages: en, fr, es or ar.',
});
export type LanguageCode = z.infer<typeof languageSchema>;

/** Ids of events, sessions, groups, people and invites share the document id format. */
export const entityIdSchema = documentIdSchema;

/** An instant, as ISO 8601 with an offset (stored and sent in UTC). */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'Use a date and time such as 2021-06-16T13:00:00Z.',
});

/** A calendar date, YYYY-MM-DD. */
export const calendarDateSchema = z.iso.date({ error: 'Use a date such as 2021-06-16.' });

/** An IANA time zone name that this runtime knows (Europe/Rome, UTC, …). */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'Use an IANA time zone name such as Europe/Rome or UTC.' },
);
