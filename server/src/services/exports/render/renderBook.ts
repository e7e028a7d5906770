import { contentOfState } from '../../versions/guideContent.ts';
import { renderDocx } from '../docx/index.ts';
import { fileNamePart } from '../filename.ts';
import { renderHtml } from '../html/renderHtml.ts';
import { withCitationCards } from '../citationCards.ts';
import { renderMarkdown } from '../markdown/renderMarkdown.ts';
import type { BookSource, ExportBook, ExportNode } from '../model.ts';

/** What the worker writes: a file's bytes, or (`pdf-html`) the page the browser prints. */
export type RenderTarget = 'docx' | 'html' | 'md' | 'pdf-html';

export interface RenderedBook {
  bytes: Uint8Array;
}

/** A book with every chapter's content read from its stored state, with the shared schema. */
export function readBook(source: BookSource): ExportBook {
  return {
    ...source,
    chapters: source.chapters.map(({ state, ...chapter }) => ({
      ...chapter,
      // Citations become card blocks here, once, so every format renders them alike.
      content: withCitationCards(
        contentOfState(state) as unknown as ExportNode,
        source.citations ?? {},
        source.locale,
      ),
    })),
  };
}

/** Markdown files in a compiled zip: `01-group-a.md`, named as the export itself is. */
const markdownFileName = (chapter: { title: string }, index: number) =>
  `${String(index + 1).padStart(2, '0')}-${fileNamePart(chapter.title) || 'guide'}.md`;

/** One book in one format; pure, so it runs the same in the worker and in tests. */
export async function renderBook(source: BookSource, target: RenderTarget): Promise<RenderedBook> {
  const book = readBook(source);
  switch (target) {
    case 'docx':
      return { bytes: new Uint8Array(await renderDocx(book)) };
    case 'html':
    case 'pdf-html':
      return { bytes: new TextEncoder().encode(renderHtml(book)) };
    case 'md':
      return { bytes: renderMarkdown(book, { fileNameOf: markdownFileName }).bytes };
  }
}
