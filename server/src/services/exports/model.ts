import { textDirection } from '@draftroom/shared/editor';
import type { CitationCards } from './citationCards.ts';

/**
 * What every export format renders: a book of one or more chapters, each a guide's content as
 * ProseMirror JSON of the shared editor schema (read from the server's stored state and checked
 * against that schema before it gets here, so renderers may trust node and mark names).
 *
 * A single guide's export is a book of one chapter without title page, contents or annex; a
 * session's compiled export has all three. Renderers are pure: book in, bytes out (PDF through
 * the warm browser), so each is tested by reading its output back with an independent reader.
 */

/** The languages of the labels an export prints (title page, contents, annex). */
export type ExportLocale = 'en' | 'fr' | 'es' | 'ar';
export type PageSize = 'A4' | 'Letter';
export type Direction = 'ltr' | 'rtl';

/** A ProseMirror JSON node of the guide schema (`doc`, `paragraph`, `text`, …). */
export interface ExportNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ExportNode[];
  text?: string;
  marks?: ExportMark[];
}

/** bold, italic, underline, strike, code, link (attrs.href), superscript, subscript. */
export interface ExportMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** The people of one parliament who wrote in a guide (from the server's attribution record). */
export interface ParliamentContributors {
  parliament: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  names: string[];
}

export interface ExportChapter {
  guideId: string;
  /** The group's name (a chapter heading in a compiled export, the title of a single one). */
  title: string;
  /** The group's working language (`en`, `fr`, `es`, `ar`), or null when it has none. */
  language: string | null;
  /** Where the guide stands: open for writing, locked by a facilitator, frozen at the end. */
  status: 'open' | 'locked' | 'frozen';
  /** The latest saved version, when the guide has versions. */
  version: { number: number; label: string; takenAt: string } | null;
  /** The guide's content: a `doc` node. */
  content: ExportNode;
  /** Who wrote it, by parliament (an annex in compiled exports). */
  contributors: ParliamentContributors[];
}

export interface ExportBook {
  kind: 'guide' | 'compiled';
  /** The language of the labels; the guides keep their own. */
  locale: ExportLocale;
  /** The event's name. */
  eventName: string;
  /** The session's title, or null for a guide outside any session. */
  sessionTitle: string | null;
  /** When the export was made (ISO 8601); printed on the title page. */
  exportedAt: string;
  /** The event's time zone (IANA), for dates printed in the export. */
  timeZone: string;
  pageSize: PageSize;
  chapters: ExportChapter[];
  /**
   * Chapters the server writes itself after the guides' (a compiled book only): the session's
   * questions and polls. Their content is ProseMirror JSON of the same schema, built from our
   * own labels and people's text, so every format renders it with the guides' own code (the
   * HTML through the same escaping serializer), in the labels' language and direction.
   */
  extras?: ExportExtra[];
  /**
   * What each cited practice id shows (issue 17), resolved by the server before rendering; a
   * citation whose id is absent says the practice is not available.
   */
  citations?: CitationCards;
  /**
   * False for a book with no guides to credit (the library export): no "Contributors by
   * parliament" annex, nor its line in the contents.
   */
  contributorsAnnex?: boolean;
}

export interface ExportExtra {
  /** Its heading, in the labels' language. */
  title: string;
  /** A `doc` node. */
  content: ExportNode;
}

/**
 * A chapter before its content is read: the guide's stored state (one Yjs update). The render
 * worker turns it into ProseMirror JSON, so the server's main thread only copies bytes.
 */
export type ChapterSource = Omit<ExportChapter, 'content'> & { state: Uint8Array };
export type BookSource = Omit<ExportBook, 'chapters'> & { chapters: ChapterSource[] };

/** The node types that carry a `dir` attribute in the shared schema. */
const directional = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'tableHeader']);

/** The plain text of a node and everything in it. */
export function nodeText(node: ExportNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(nodeText).join('');
}

/**
 * The direction a block is written in: the one its writer chose, else that of its own text (the
 * editor's `dir="auto"`: first strong letter), else `fallback` (the enclosing block's, or the
 * chapter's language). Every format states it explicitly, since none has the editor's rule.
 */
export function blockDirection(node: ExportNode, fallback: Direction): Direction {
  const chosen = directional.has(node.type) ? node.attrs?.dir : undefined;
  if (chosen === 'ltr' || chosen === 'rtl') return chosen;
  return textDirection(nodeText(node)) ?? fallback;
}

/** The direction of a language's script. */
export function languageDirection(language: string | null): Direction {
  return language === 'ar' ? 'rtl' : 'ltr';
}
