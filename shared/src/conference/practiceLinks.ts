import { z } from 'zod';
import { entityIdSchema } from './common.ts';
import { personText } from './personText.ts';
import { practiceContentSchema, practiceSummarySchema } from './practice.ts';
import { regionSchema } from './registration.ts';

// What links the good-practice library to the rest of the event (issue 17): citation cards and
// a guide's citations, the library's publication and public pages, and an exchange's running
// order. The practice record itself is in practice.ts.

/**
 * What a citation card shows, looked up by the id the guide holds. A merged practice answers
 * with the one it was merged into (`citedId` keeps the id the guide names). `available: false`
 * (and empty strings) for an id the reader cannot see: unknown, another event's, not approved.
 */
export const practiceCardSchema = z.object({
  citedId: entityIdSchema,
  id: entityIdSchema,
  available: z.boolean(),
  title: z.string(),
  parliament: z.string(),
  country: z.string(),
});
export type PracticeCard = z.infer<typeof practiceCardSchema>;
export const practiceCardsQuerySchema = z
  .object({ ids: z.string().regex(/^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$/) })
  .strict();
export const practiceCardListSchema = z.object({ cards: z.array(practiceCardSchema) });

/** The practices a guide cites, in the order they first appear in it. */
export const guideCitationsSchema = z.object({ practices: z.array(practiceCardSchema) });
export type GuideCitations = z.infer<typeof guideCitationsSchema>;

/** The library's publication (organisers). */
export const librarySettingsSchema = z.object({
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** The public index's path (`/public/library/<eventId>`), whether published or not. */
  publicPath: z.string(),
});
export type LibrarySettings = z.infer<typeof librarySettingsSchema>;
export const updateLibrarySettingsRequestSchema = z.object({ published: z.boolean() }).strict();

/** A practice on the public pages: no contact, no curation, nothing about guides. */
export const publicPracticeSchema = practiceContentSchema.omit({ contact: true }).extend({
  id: entityIdSchema,
  region: regionSchema.nullable(),
  updatedAt: z.string(),
});
export type PublicPractice = z.infer<typeof publicPracticeSchema>;
export const publicLibrarySchema = z.object({
  eventName: z.string(),
  practices: z.array(
    practiceSummarySchema.pick({
      id: true,
      title: true,
      parliament: true,
      country: true,
      region: true,
      audiences: true,
      topics: true,
      languages: true,
      summary: true,
      updatedAt: true,
    }),
  ),
});
export type PublicLibrary = z.infer<typeof publicLibrarySchema>;
export const publicPracticePageSchema = z.object({
  eventName: z.string(),
  practice: publicPracticeSchema,
});
export type PublicPracticePage = z.infer<typeof publicPracticePageSchema>;

/** A good-practice exchange's running order: which practices are presented, by whom. */
export const sessionPracticeItemInputSchema = z
  .object({
    practiceId: entityIdSchema,
    presenter: personText('The presenter', 120, { optional: true }).default(''),
  })
  .strict();
export const setSessionPracticesRequestSchema = z
  .object({ items: z.array(sessionPracticeItemInputSchema).max(50) })
  .strict();
export type SetSessionPracticesRequest = z.input<typeof setSessionPracticesRequestSchema>;
export const setCurrentPracticeRequestSchema = z
  .object({ practiceId: entityIdSchema.nullable() })
  .strict();
export const sessionPracticesSchema = z.object({
  sessionId: entityIdSchema,
  items: z.array(
    z.object({
      practiceId: entityIdSchema,
      title: z.string(),
      parliament: z.string(),
      country: z.string(),
      summary: z.string(),
      presenter: z.string().nullable(),
    }),
  ),
  /** The practice being presented now (the presenter view shows it), or null. */
  currentPracticeId: entityIdSchema.nullable(),
  /** Set the running order and the current practice (those who run the session). */
  canManage: z.boolean(),
  /** Submit a practice to the library (anyone of the event but observers): offered in the session. */
  canSubmit: z.boolean(),
});
export type SessionPractices = z.infer<typeof sessionPracticesSchema>;
