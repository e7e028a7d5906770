import { z } from 'zod';
import { entityIdSchema, languageCodes, languageSchema } from './common.ts';
import { personText } from './personText.ts';
import { countrySchema, emailSchema } from './person.ts';
import { audienceTagSchema, audienceTags } from './session.ts';
import { regionSchema } from './registration.ts';
import { templateContentSchema } from './template.ts';

/**
 * The good-practice library (issue 17): what one parliament did, what came of it and what it
 * learned, as a record others can find, present in a good-practice exchange and cite in guides.
 * A practice belongs to one parliament of the event; that parliament's delegates keep it up to
 * date, the organisers curate it, and every saved change is a version.
 */

/** What a practice is about, besides the audiences it concerns (a fixed list, translated). */
export const practiceTopics = [
  'open-data',
  'transparency',
  'artificial-intelligence',
  'legislative-drafting',
  'remote-sittings',
  'cybersecurity',
  'accessibility',
  'archives-records',
  'citizen-participation',
  'capacity-building',
] as const;
export const practiceTopicSchema = z.enum(practiceTopics, { error: 'Unknown topic.' });
export type PracticeTopic = z.infer<typeof practiceTopicSchema>;

/**
 * Where a practice is in the organisers' curation:
 * - `submitted`: waiting for the organisers (new, or changed after they asked for changes);
 * - `changes-requested`: sent back to its parliament with a note;
 * - `approved`: in the library for every signed-in person, citable, presentable, publishable;
 * - `merged`: a duplicate folded into another practice (`mergedInto`); citations of it show
 *   that one instead. Read-only.
 */
export const practiceStatuses = ['submitted', 'changes-requested', 'approved', 'merged'] as const;
export const practiceStatusSchema = z.enum(practiceStatuses);
export type PracticeStatus = z.infer<typeof practiceStatusSchema>;

/** The sections written in the guide's rich-text editor (one shared schema). */
export const practiceSections = ['whatWasDone', 'results', 'lessons'] as const;
export type PracticeSection = (typeof practiceSections)[number];

/** Where a search found a practice's words. */
export const practiceFields = ['title', 'summary', ...practiceSections] as const;
export const practiceFieldSchema = z.enum(practiceFields);
export type PracticeField = z.infer<typeof practiceFieldSchema>;

/** A section's body: ProseMirror JSON of the guide's schema (checked node by node on the server). */
export const practiceRichTextSchema = templateContentSchema;

const httpUrl = z
  .string()
  .trim()
  .max(2000, 'A link is at most 2,000 characters.')
  // A web address with a host: shared code has no URL class (no DOM or Node types here).
  .refine(
    (value) => /^https?:\/\/[^\s/?#<>"'`\\]+(?:[/?#][^\s<>"`\\]*)?$/i.test(value),
    'Use a web address starting with https:// or http://.',
  )
  // "https://good.example@evil.example/" reads as one site and opens another: no user part.
  .refine(
    (value) => !/^https?:\/\/[^/?#]*@/i.test(value),
    'Use the web address without a name and @ before the site.',
  );

export const practiceLinkSchema = z
  .object({ label: personText("The link's label", 200), url: httpUrl })
  .strict();
export type PracticeLink = z.infer<typeof practiceLinkSchema>;

/** Whom to ask about the practice: shown to signed-in people only, never on public pages. */
export const practiceContactSchema = z
  .object({ name: personText('The contact name', 120), email: emailSchema })
  .strict();
export type PracticeContact = z.infer<typeof practiceContactSchema>;

export const maxPracticeLinks = 10;

/**
 * What a person writes. `parliament` and `country` name whose practice it is: a delegate's own
 * are taken from their record (sending another parliament's is 403); organisers name any.
 */
export const practiceInputSchema = z
  .object({
    title: personText('The title', 200),
    parliament: personText('The parliament', 120).optional(),
    country: countrySchema.optional(),
    audiences: z.array(audienceTagSchema).max(audienceTags.length),
    topics: z.array(practiceTopicSchema).max(practiceTopics.length),
    summary: personText('The summary', 1000, { multiline: true }),
    whatWasDone: practiceRichTextSchema,
    results: practiceRichTextSchema,
    lessons: practiceRichTextSchema,
    contact: practiceContactSchema.nullable(),
    links: z.array(practiceLinkSchema).max(maxPracticeLinks),
    /** The languages the practice (or material about it) is available in. */
    languages: z
      .array(languageSchema)
      .min(1, 'Choose at least one language.')
      .max(languageCodes.length, 'Choose each language once.'),
  })
  .strict();
export type PracticeInput = z.input<typeof practiceInputSchema>;

/** Saving changes: the whole record again, with the revision the writer started from. */
export const updatePracticeRequestSchema = practiceInputSchema
  .extend({ revision: z.number().int().min(1) })
  .strict();
export type UpdatePracticeRequest = z.input<typeof updatePracticeRequestSchema>;

/** A practice's content at one revision (what versions keep). */
export const practiceContentSchema = z.object({
  title: z.string(),
  parliament: z.string(),
  country: z.string(),
  audiences: z.array(audienceTagSchema),
  topics: z.array(practiceTopicSchema),
  summary: z.string(),
  whatWasDone: practiceRichTextSchema,
  results: practiceRichTextSchema,
  lessons: practiceRichTextSchema,
  contact: practiceContactSchema.nullable(),
  links: z.array(practiceLinkSchema),
  languages: z.array(languageSchema),
});
export type PracticeContent = z.infer<typeof practiceContentSchema>;

/** A guide that cites a practice (only guides the reader may open are listed). */
export const citingGuideSchema = z.object({
  guideId: entityIdSchema,
  groupName: z.string(),
  sessionTitle: z.string(),
});
export type CitingGuide = z.infer<typeof citingGuideSchema>;

/** A good-practice exchange session that presents the practice. */
export const presentingSessionSchema = z.object({
  sessionId: entityIdSchema,
  title: z.string(),
  startsAt: z.string(),
  presenter: z.string().nullable(),
});
export type PresentingSession = z.infer<typeof presentingSessionSchema>;

export const practiceCapabilitiesSchema = z.object({
  /** Save changes (its parliament's delegates, the organisers). */
  edit: z.boolean(),
  /** Approve or request changes; merge; make it public (the organisers). */
  curate: z.boolean(),
});

/** A practice as a signed-in person of the event sees it. */
export const practiceSchema = practiceContentSchema.extend({
  id: entityIdSchema,
  eventId: entityIdSchema,
  region: regionSchema.nullable(),
  status: practiceStatusSchema,
  /** Starts at 1; each saved change, review move or merge adds one (and a version). */
  revision: z.number().int().min(1),
  /** Shown on the public pages once the library is published. */
  public: z.boolean(),
  mergedInto: entityIdSchema.nullable(),
  /** The organisers' note with the latest "changes requested" (null once approved). */
  reviewNote: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  capabilities: practiceCapabilitiesSchema,
  citedBy: z.array(citingGuideSchema),
  /** Guides citing it that this reader may not open (counted, never named). */
  citedByOthers: z.number().int().min(0),
  presentedIn: z.array(presentingSessionSchema),
});
export type Practice = z.infer<typeof practiceSchema>;

/** Where a search matched: the field and the words in it (offsets as the guide search's). */
export const practiceMatchSchema = z.object({
  field: practiceFieldSchema,
  snippet: z.object({
    text: z.string(),
    marks: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
    cutBefore: z.boolean(),
    cutAfter: z.boolean(),
  }),
});
export type PracticeMatch = z.infer<typeof practiceMatchSchema>;

/** A practice in the library's list. */
export const practiceSummarySchema = z.object({
  id: entityIdSchema,
  title: z.string(),
  parliament: z.string(),
  country: z.string(),
  region: regionSchema.nullable(),
  audiences: z.array(audienceTagSchema),
  topics: z.array(practiceTopicSchema),
  languages: z.array(languageSchema),
  summary: z.string(),
  status: practiceStatusSchema,
  public: z.boolean(),
  updatedAt: z.string(),
  /** With a search: the best place its words were found. */
  match: practiceMatchSchema.nullable(),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

const oneOf = <T extends z.ZodType>(schema: T) => schema.optional();

/**
 * `GET /api/practices?…`: the library, filtered. `q` searches like the guide search (every word
 * a prefix, all in one paragraph; accents, case and Arabic letter forms ignored). `status`:
 * readers see approved practices and their own parliament's; organisers any status.
 */
export const practiceListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(200, 'A search is at most 200 characters.')
      .refine(
        (q) => !/[\p{Cc}\u2028\u2029\p{Cs}]/u.test(q),
        'A search cannot hold control characters.',
      )
      .optional(),
    audience: oneOf(audienceTagSchema),
    topic: oneOf(practiceTopicSchema),
    region: oneOf(regionSchema),
    country: oneOf(countrySchema),
    parliament: z.string().trim().max(120).optional(),
    language: oneOf(languageSchema),
    status: oneOf(practiceStatusSchema),
    /** Only the caller's own parliament's practices ("My parliament's practices"). */
    mine: z.enum(['1']).optional(),
  })
  .strict();
export type PracticeListQuery = z.input<typeof practiceListQuerySchema>;

export const practiceListSchema = z.object({
  practices: z.array(practiceSummarySchema),
  /** The folded words searched for (empty without `q`). */
  words: z.array(z.string()),
  /** What the caller may do on the library page. */
  capabilities: z.object({
    submit: z.boolean(),
    curate: z.boolean(),
    /** Their own parliament (what "submit" fills in), null for someone without one. */
    parliament: z.string().nullable(),
    country: z.string().nullable(),
    /** Whether the organisers vouched for that parliament (its practices in any status). */
    parliamentConfirmed: z.boolean(),
  }),
  /** Whether the organisers have published the library (its public address, when they have). */
  published: z.boolean(),
});
export type PracticeList = z.infer<typeof practiceListSchema>;

/** The organisers' curation: a compare-and-set on the revision they saw (else 409 `practice_stale`). */
export const practiceReviewRequestSchema = z
  .object({
    revision: z.number().int().min(1),
    to: z.enum(['approved', 'changes-requested']),
    /** Required when asking for changes: what to change. */
    note: personText('The note', 2000, { optional: true, multiline: true }).default(''),
  })
  .strict()
  .refine((move) => move.to !== 'changes-requested' || move.note !== '', {
    path: ['note'],
    error: 'Say what should change.',
  });
export type PracticeReviewRequest = z.input<typeof practiceReviewRequestSchema>;

/** Fold a duplicate into another practice of the event (which must not be merged itself). */
export const mergePracticeRequestSchema = z
  .object({ revision: z.number().int().min(1), into: entityIdSchema })
  .strict();
export type MergePracticeRequest = z.input<typeof mergePracticeRequestSchema>;

export const practicePublicationRequestSchema = z.object({ public: z.boolean() }).strict();
export type PracticePublicationRequest = z.input<typeof practicePublicationRequestSchema>;

export const practiceVersionKinds = [
  'submitted',
  'updated',
  'approved',
  'changes-requested',
  'merged',
] as const;
export const practiceVersionSchema = z.object({
  revision: z.number().int().min(1),
  kind: z.enum(practiceVersionKinds),
  /** Who made it (their name on file), null for the server. */
  by: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});
export type PracticeVersion = z.infer<typeof practiceVersionSchema>;
export const practiceVersionListSchema = z.object({ versions: z.array(practiceVersionSchema) });
export const practiceVersionContentSchema = practiceVersionSchema.extend({
  content: practiceContentSchema,
});
export type PracticeVersionContent = z.infer<typeof practiceVersionContentSchema>;

/**
 * The key two records of one parliament share: the country and the name folded for comparison
 * (NFC, case and spacing), so "Parliament of Ghana" and "parliament of  ghana" are one.
 */
export function parliamentKey(parliament: string, country: string): string {
  return `${country.toUpperCase()}:${parliament.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}
