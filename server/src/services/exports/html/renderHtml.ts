import { textDirection } from '@draftroom/shared/editor';
import { exportDate, exportLabels, languageName, type ExportLabels } from '../labels.ts';
import {
  languageDirection,
  type Direction,
  type ExportBook,
  type ExportChapter,
  type ExportExtra,
} from '../model.ts';
import { guideHtml } from './guideHtml.ts';
import { element, escapeHtml, voidElement } from './markup.ts';
import { printStyles } from './printStyles.ts';

/**
 * A book as one standalone HTML5 file: opened in any browser, saved, mailed or printed, and what
 * Chromium prints to PDF. It loads nothing and runs nothing — the CSP allows inline styles and
 * data: images only, and the serializer writes no script, event handler or script URL — so a
 * hostile guide cannot act when someone opens the file.
 */

const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(book: ExportBook): string {
  const labels = exportLabels(book.locale);
  const direction = languageDirection(book.locale);
  const head = [
    voidElement('meta', { charset: 'utf-8' }),
    voidElement('meta', {
      'http-equiv': 'Content-Security-Policy',
      content: contentSecurityPolicy,
    }),
    voidElement('meta', { name: 'referrer', content: 'no-referrer' }),
    voidElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, escapeHtml(documentTitle(book))),
    element('style', {}, printStyles(book.pageSize)),
  ].join('');
  const body =
    book.kind === 'compiled'
      ? [
          titlePage(book, labels, direction),
          contents(book, labels, direction),
          ...book.chapters.map((chapter, index) => compiledChapter(chapter, index, book, labels)),
          ...(book.extras ?? []).map((extra, index) => extraChapter(extra, index, direction)),
          book.contributorsAnnex === false ? '' : annex(book, labels, direction),
        ].join('')
      : book.chapters.map(singleChapter).join('');
  const document = element(
    'html',
    { lang: book.locale, dir: direction },
    element('head', {}, head) + element('body', {}, body),
  );
  return `<!DOCTYPE html>\n${document}\n`;
}

function documentTitle(book: ExportBook): string {
  if (book.kind === 'guide') return book.chapters[0]?.title ?? book.eventName;
  return book.sessionTitle === null ? book.eventName : `${book.sessionTitle} — ${book.eventName}`;
}

/** The direction of a line of our own text (a title, a name): its first strong letter's. */
function lineDirection(text: string, fallback: Direction): Direction {
  return textDirection(text) ?? fallback;
}

/** Words of another direction inside a line (a name in a list), kept in their own order. */
function isolated(text: string): string {
  return element('bdi', {}, escapeHtml(text));
}

function chapterId(index: number): string {
  return `chapter-${index + 1}`;
}

function chapterHeading(chapter: ExportChapter): string {
  const direction = languageDirection(chapter.language);
  return element('h1', { dir: lineDirection(chapter.title, direction) }, escapeHtml(chapter.title));
}

/** The guide under its chapter heading: the guide's own H1 becomes an H2, and so on. */
function chapterBody(chapter: ExportChapter): string {
  return guideHtml(chapter.content, {
    direction: languageDirection(chapter.language),
    headingShift: 1,
  });
}

/** A single guide: its group's name as the title, then the guide. */
function singleChapter(chapter: ExportChapter): string {
  const attributes = {
    lang: chapter.language ?? undefined,
    dir: languageDirection(chapter.language),
  };
  return element('article', attributes, chapterHeading(chapter) + chapterBody(chapter));
}

function titlePage(book: ExportBook, labels: ExportLabels, direction: Direction): string {
  const lines = [
    element(
      'p',
      { class: 'event', dir: lineDirection(book.eventName, direction) },
      escapeHtml(book.eventName),
    ),
    book.sessionTitle === null
      ? ''
      : element(
          'p',
          { class: 'session', dir: lineDirection(book.sessionTitle, direction) },
          escapeHtml(book.sessionTitle),
        ),
    element(
      'p',
      { class: 'date', dir: direction },
      escapeHtml(`${labels.exportedOn} ${exportDate(book.exportedAt, book.locale, book.timeZone)}`),
    ),
  ];
  return element('header', { class: 'title-page', dir: direction }, lines.join(''));
}

/** In-page links, which Chromium keeps as links inside the PDF. */
function contents(book: ExportBook, labels: ExportLabels, direction: Direction): string {
  const entries = [
    ...book.chapters.map((chapter, index) => ({ target: chapterId(index), text: chapter.title })),
    ...(book.extras ?? []).map((extra, index) => ({ target: extraId(index), text: extra.title })),
    ...(book.contributorsAnnex === false
      ? []
      : [{ target: 'contributors', text: labels.contributors }]),
  ].map(({ target, text }) =>
    element('li', { dir: direction }, element('a', { href: `#${target}` }, isolated(text))),
  );
  return element(
    'nav',
    { class: 'contents', 'aria-labelledby': 'contents', dir: direction },
    element('h1', { id: 'contents', dir: direction }, escapeHtml(labels.contents)) +
      element('ol', { dir: direction }, entries.join('')),
  );
}

/** Working language, status and version, in the labels' language. */
function facts(chapter: ExportChapter, book: ExportBook, labels: ExportLabels): string {
  const language = languageName(chapter.language, book.locale);
  const parts = [
    language === null ? null : `${escapeHtml(labels.workingLanguage)}: ${escapeHtml(language)}`,
    `${escapeHtml(labels.status)}: ${escapeHtml(labels.statuses[chapter.status])}`,
    chapter.version === null
      ? null
      : escapeHtml(labels.versionNumber(chapter.version.number)) +
        (chapter.version.label === '' ? '' : ` (${isolated(chapter.version.label)})`),
  ].filter((part) => part !== null);
  return element(
    'p',
    { class: 'facts', lang: book.locale, dir: languageDirection(book.locale) },
    parts.join(' · '),
  );
}

function compiledChapter(
  chapter: ExportChapter,
  index: number,
  book: ExportBook,
  labels: ExportLabels,
): string {
  const attributes = {
    class: 'chapter',
    id: chapterId(index),
    lang: chapter.language ?? undefined,
    dir: languageDirection(chapter.language),
  };
  return element(
    'section',
    attributes,
    chapterHeading(chapter) + facts(chapter, book, labels) + chapterBody(chapter),
  );
}

function extraId(index: number): string {
  return `extra-${index + 1}`;
}

/** A chapter the server wrote (questions and polls): in the labels' language and direction. */
function extraChapter(extra: ExportExtra, index: number, direction: Direction): string {
  const heading = element(
    'h1',
    { dir: lineDirection(extra.title, direction) },
    escapeHtml(extra.title),
  );
  return element(
    'section',
    { class: 'chapter', id: extraId(index), dir: direction },
    heading + guideHtml(extra.content, { direction, headingShift: 1 }),
  );
}

/** Each chapter's parliaments and the people of each who wrote in it. */
function annex(book: ExportBook, labels: ExportLabels, direction: Direction): string {
  const groups = book.chapters.map((chapter) => {
    const heading = element(
      'h2',
      { dir: lineDirection(chapter.title, direction) },
      escapeHtml(chapter.title),
    );
    if (chapter.contributors.length === 0) {
      return heading + element('p', { dir: direction }, escapeHtml(labels.noContributors));
    }
    const parliaments = chapter.contributors.map((entry) =>
      element(
        'li',
        { dir: direction },
        `${element('strong', {}, isolated(entry.parliament))}: ${entry.names.map(isolated).join(', ')}`,
      ),
    );
    return heading + element('ul', { dir: direction }, parliaments.join(''));
  });
  const heading = element('h1', { dir: direction }, escapeHtml(labels.contributors));
  return element(
    'section',
    { class: 'annex', id: 'contributors', dir: direction },
    heading + groups.join(''),
  );
}
