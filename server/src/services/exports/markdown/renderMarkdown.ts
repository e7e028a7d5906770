import { strToU8, zipSync } from 'fflate';
import { exportDate, exportLabels, languageName } from '../labels.ts';
import {
  languageDirection,
  type Direction,
  type ExportBook,
  type ExportChapter,
  type ExportExtra,
  type ExportNode,
} from '../model.ts';
import { blocksMarkdown } from './markdownBlocks.ts';

/**
 * The Markdown export (issue 12): CommonMark with GFM tables and strikethrough. A single guide is
 * one `.md` file; a session's compiled export is a zip of one file per guide and an `index.md`
 * (title page, contents linking to the files, contributors by parliament).
 *
 * Why not `@tiptap/markdown` (3.31.3), whose MarkdownManager serializes JSON without an editor:
 * tried with `guideExtensions()`, it left typed text starting with `# `, `1. ` or `- ` to become
 * headings and lists, did not escape `|` inside table cells (the cell split), put a code block
 * holding ``` inside a three-backtick fence (the block ended early), wrote underline as the
 * non-CommonMark `++x++`, dropped superscript and subscript, kept `javascript:` links, and has no
 * notion of direction. Those are the rules this export is about, so it walks the JSON itself.
 */

export interface MarkdownOptions {
  /** A chapter's file name in the zip (and the index's link to it); `NN-<slug>.md` by default. */
  fileNameOf?: (chapter: ExportChapter, index: number) => string;
}

export type MarkdownExport =
  | { mediaType: 'text/markdown; charset=utf-8'; extension: 'md'; bytes: Uint8Array }
  | { mediaType: 'application/zip'; extension: 'zip'; bytes: Uint8Array };

export function renderMarkdown(book: ExportBook, options: MarkdownOptions = {}): MarkdownExport {
  if (book.kind === 'guide') {
    const chapter = book.chapters[0];
    if (!chapter) throw new Error('A guide export needs its guide.');
    const text = renderGuideMarkdown(book, chapter);
    return { mediaType: 'text/markdown; charset=utf-8', extension: 'md', bytes: strToU8(text) };
  }
  return {
    mediaType: 'application/zip',
    extension: 'zip',
    bytes: renderMarkdownBundle(book, options),
  };
}

/**
 * One guide as a Markdown file: its group's name as the title (`#`), in a compiled book a line
 * with its working language, status and version, then the guide with its own headings one level
 * down so they sit under that title.
 */
export function renderGuideMarkdown(book: ExportBook, chapter: ExportChapter): string {
  const direction = languageDirection(chapter.language);
  const blocks: ExportNode[] = [heading(1, chapter.title)];
  if (book.kind === 'compiled') blocks.push(chapterFacts(book, chapter));
  blocks.push(...(chapter.content.content ?? []).map((node) => shiftHeadings(node, 1)));
  return documentMarkdown(blocks, direction);
}

/** The compiled export as a zip (entries dated at the export, so one book gives one archive). */
export function renderMarkdownBundle(book: ExportBook, options: MarkdownOptions = {}): Uint8Array {
  const extras = book.extras ?? [];
  const names = chapterFileNames(book.chapters, options.fileNameOf ?? defaultFileName, extras);
  const files: Record<string, Uint8Array> = { 'index.md': strToU8(indexMarkdown(book, names)) };
  book.chapters.forEach((chapter, index) => {
    files[names[index]!] = strToU8(renderGuideMarkdown(book, chapter));
  });
  extras.forEach((extra, index) => {
    files[names[book.chapters.length + index]!] = strToU8(extraMarkdown(book, extra));
  });
  return zipSync(files, { level: 6, mtime: new Date(book.exportedAt) });
}

function documentMarkdown(blocks: ExportNode[], direction: Direction): string {
  // A reader starts left to right: in a right-to-left document every run states its direction.
  const lines = blocksMarkdown(blocks, {
    enclosing: direction === 'rtl' ? null : 'ltr',
    fallback: direction,
    inListItem: false,
  });
  return `${lines.join('\n')}\n`;
}

/** A chapter the server wrote (questions and polls), in the labels' language and direction. */
function extraMarkdown(book: ExportBook, extra: ExportExtra): string {
  const blocks = [
    heading(1, extra.title),
    ...(extra.content.content ?? []).map((node) => shiftHeadings(node, 1)),
  ];
  return documentMarkdown(blocks, languageDirection(book.locale));
}

/** `01-group-a-transparency.md`: numbered so the files sort as the book does. */
function defaultFileName(chapter: ExportChapter, index: number): string {
  return numberedName(chapter.title, index, 'guide');
}

function numberedName(title: string, index: number, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  // A title with no Latin letters (Arabic) gets a neutral name: the number keeps it unique.
  return `${String(index + 1).padStart(2, '0')}-${slug || fallback}.md`;
}

/** Names a caller chose must still be plain, distinct file names beside `index.md`. */
function chapterFileNames(
  chapters: ExportChapter[],
  fileNameOf: (chapter: ExportChapter, index: number) => string,
  extras: readonly ExportExtra[] = [],
): string[] {
  const names = [
    ...chapters.map((chapter, index) => fileNameOf(chapter, index)),
    // After the guides' files, numbered on (`03-questions-and-polls.md`; Arabic: `03-annex.md`).
    ...extras.map((extra, index) => numberedName(extra.title, chapters.length + index, 'annex')),
  ];
  const seen = new Set(['index.md']);
  for (const name of names) {
    // eslint-disable-next-line no-control-regex -- control characters have no place in a name.
    if (!/^[^/\\:*?"<>|\u0000-\u001f]+\.md$/.test(name) || name.startsWith('.')) {
      throw new Error(`Not a plain Markdown file name: ${JSON.stringify(name)}`);
    }
    if (seen.has(name)) throw new Error(`Two files would be named ${JSON.stringify(name)}`);
    seen.add(name);
  }
  return names;
}

function indexMarkdown(book: ExportBook, fileNames: string[]): string {
  const labels = exportLabels(book.locale);
  const blocks: ExportNode[] = [heading(1, book.eventName)];
  if (book.sessionTitle !== null) blocks.push(paragraph([text(book.sessionTitle, 'bold')]));
  const date = exportDate(book.exportedAt, book.locale, book.timeZone);
  blocks.push(paragraph([text(`${labels.exportedOn} ${date}`)]));
  blocks.push(heading(2, labels.contents));
  blocks.push(
    list('orderedList', [
      ...book.chapters.map((chapter, index) => [
        linkText(chapter.title, encodeURI(fileNames[index]!)),
      ]),
      ...(book.extras ?? []).map((extra, index) => [
        linkText(extra.title, encodeURI(fileNames[book.chapters.length + index]!)),
      ]),
    ]),
  );
  blocks.push(heading(2, labels.contributors));
  for (const chapter of book.chapters) {
    blocks.push(heading(3, chapter.title));
    if (chapter.contributors.length === 0) {
      blocks.push(paragraph([text(labels.noContributors)]));
      continue;
    }
    const lines = chapter.contributors.map(({ parliament, names }) => [
      text(parliament, 'bold'),
      text(`: ${names.join(', ')}`),
    ]);
    blocks.push(list('bulletList', lines));
  }
  return documentMarkdown(blocks, languageDirection(book.locale));
}

/** "Working language: Arabic · Status: Final (frozen) · Version 3 (final text)". */
function chapterFacts(book: ExportBook, chapter: ExportChapter): ExportNode {
  const labels = exportLabels(book.locale);
  const facts: string[] = [];
  const language = languageName(chapter.language, book.locale);
  if (language !== null) facts.push(`${labels.workingLanguage}: ${language}`);
  facts.push(`${labels.status}: ${labels.statuses[chapter.status]}`);
  if (chapter.version !== null) {
    const { number, label } = chapter.version;
    facts.push(label ? `${labels.versionNumber(number)} (${label})` : labels.versionNumber(number));
  }
  // The labels are in the book's language, so the line takes its direction.
  return {
    type: 'paragraph',
    attrs: { dir: languageDirection(book.locale) },
    content: [text(facts.join(' · '))],
  };
}

/** A guide's H1–H3 become H2–H4 under its chapter title (Markdown goes down to H6). */
function shiftHeadings(node: ExportNode, by: number): ExportNode {
  if (node.type === 'heading') {
    const level = Number(node.attrs?.level ?? 1);
    return { ...node, attrs: { ...node.attrs, level: Math.min(6, level + by) } };
  }
  if (!node.content) return node;
  return { ...node, content: node.content.map((child) => shiftHeadings(child, by)) };
}

const text = (value: string, mark?: string): ExportNode => ({
  type: 'text',
  text: value,
  ...(mark ? { marks: [{ type: mark }] } : {}),
});
const linkText = (value: string, href: string): ExportNode => ({
  type: 'text',
  text: value,
  marks: [{ type: 'link', attrs: { href } }],
});
const paragraph = (content: ExportNode[]): ExportNode => ({
  type: 'paragraph',
  attrs: { dir: null },
  content,
});
const heading = (level: number, value: string): ExportNode => ({
  type: 'heading',
  attrs: { level, dir: null },
  content: [text(value)],
});
const list = (type: 'bulletList' | 'orderedList', items: ExportNode[][]): ExportNode => ({
  type,
  attrs: type === 'orderedList' ? { start: 1 } : {},
  content: items.map((content) => ({
    type: 'listItem',
    attrs: { dir: null },
    content: [paragraph(content)],
  })),
});
