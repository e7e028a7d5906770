import { z } from 'zod';
import { documentIdSchema } from '../protocol/documentId.ts';

/** The longest search people may type (characters, after trimming). */
export const maxSearchLength = 200;
/** How many hits one search may ask for, and how many it gets unless it says. */
export const maxSearchHits = 50;
export const defaultSearchHits = 20;

// Control characters (and lone surrogates, line and paragraph separators) have no place in a
// search box: refused, like in names, rather than quietly dropped.
const controlCharacter = /[\p{Cc}\u2028\u2029\p{Cs}]/u;

/**
 * `GET /api/search?q=…&limit=…`: words to find in every guide the caller may read. The words are
 * matched as words (each a prefix, all of them in one block), never as the search engine's own
 * syntax, so quotes, `NEAR(`, `*` or `-` are only characters.
 */
export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'Type something to search for.')
      .max(maxSearchLength, `A search is at most ${maxSearchLength} characters.`)
      .refine((q) => !controlCharacter.test(q), 'A search cannot hold control characters.'),
    limit: z.coerce.number().int().min(1).max(maxSearchHits).default(defaultSearchHits),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;

/**
 * Where a hit's words were found: the block's text (or a stretch of it) and the matched ranges
 * as UTF-16 offsets into `text`, so the client marks them itself and never renders HTML.
 */
export const searchSnippetSchema = z.object({
  text: z.string(),
  marks: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) })),
  /** The block goes on before `text` (show an ellipsis). */
  cutBefore: z.boolean(),
  /** The block goes on after `text`. */
  cutAfter: z.boolean(),
});
export type SearchSnippet = z.infer<typeof searchSnippetSchema>;

export const searchHitSchema = z.object({
  guideId: documentIdSchema,
  /** The guide's title (its group's name). */
  guideTitle: z.string(),
  groupName: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  /**
   * Which block of the guide: the index of the text block (paragraph, heading, or the paragraph
   * of a list item or table cell) in document order, as the editor's document counts them.
   */
  block: z.number().int().min(0),
  /** The block's own direction (`null`: found from its text, `dir="auto"`). */
  dir: z.enum(['ltr', 'rtl']).nullable(),
  snippet: searchSnippetSchema,
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** More blocks matched than `limit` gave. */
  more: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
