import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import type { ExportNode } from '../model.ts';
import {
  book,
  chapter,
  compiledBook,
  hostileGuide,
  paragraph,
  text,
} from '../testing/sampleBooks.ts';
import { renderGuideMarkdown } from './renderMarkdown.ts';
import {
  all,
  markdownToBody,
  markdownTokens,
  textOf,
  type ReadElement,
} from './testing/readMarkdown.ts';

const mixed = book();
const mixedMarkdown = renderGuideMarkdown(mixed, mixed.chapters[0]!);
const mixedBody = markdownToBody(mixedMarkdown);

const guideOf = (...content: ExportNode[]) =>
  renderGuideMarkdown(mixed, chapter({ content: { type: 'doc', content } }));

describe('a guide as Markdown, read back by marked', () => {
  it('keeps the outline: the group as title, the guide one level below', () => {
    const headings = all(mixedBody, 'h1, h2, h3, h4, h5, h6').map((h) => [h.tagName, textOf(h)]);
    expect(headings).toEqual([
      ['H1', 'Group A — Transparency'],
      ['H2', 'Opening the plenary to citizens'],
      ['H3', 'الشفافية البرلمانية'],
      ['H3', 'Steps'],
      ['H4', 'What members said'],
    ]);
  });

  it('writes every mark as the element it stands for', () => {
    const marked = all(mixedBody, 'p')[0]!;
    const inline = all(marked, 'strong, em, u, del, code, sub, sup, a').map((element) => [
      element.tagName,
      textOf(element),
    ]);
    expect(inline).toEqual([
      ['STRONG', 'bold'],
      ['EM', 'italic'],
      ['U', 'underlined'],
      ['DEL', 'struck'],
      ['CODE', 'code()'],
      ['SUB', '2'],
      ['SUP', 'st'],
      ['A', 'link to the IPU'],
    ]);
    expect(marked.querySelector('a')?.getAttribute('href')).toBe('https://www.ipu.org/');
  });

  it('nests and orders lists as the guide does', () => {
    const lists = markdownTokens(mixedMarkdown).filter(
      (token): token is Tokens.List => token.type === 'list',
    );
    expect(lists.map((list) => [list.ordered, list.start, list.items.length])).toEqual([
      [true, 1, 2],
      [false, '', 1],
    ]);
    const nested = lists[0]!.items[1]!.tokens.find((token) => token.type === 'list');
    expect((nested as Tokens.List).items.map((item) => item.text.trim())).toEqual([
      'Captions in two languages',
      expect.stringContaining('ترجمة فورية إلى العربية'),
    ]);
    const ordered = mixedBody.querySelector('ol')!;
    // An item's own words, without those of the list nested in it.
    const ownWords = (li: ReadElement) =>
      Array.from(li.childNodes, (node) => (/^[OU]L$/.test(node.nodeName) ? '' : node.textContent))
        .join('')
        .trim();
    expect(Array.from(ordered.children, ownWords)).toEqual([
      'Publish the agenda',
      'Stream the sitting',
    ]);
    expect(all(ordered, 'li > ul > li')).toHaveLength(2);
  });

  it('keeps where an ordered list starts, and two lists in a row apart', () => {
    const list = (start: number, words: string) => ({
      type: 'orderedList',
      attrs: { start },
      content: [{ type: 'listItem', content: [paragraph(null, text(words))] }],
    });
    const nested = {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph(null, text('outer')), list(5, 'fifth')] }],
    };
    const body = markdownToBody(guideOf(list(3, 'third'), list(7, 'seventh'), nested));
    expect(all(body, 'ol').map((ol) => [ol.getAttribute('start'), textOf(ol)])).toEqual([
      ['3', 'third'],
      ['7', 'seventh'],
      ['5', 'fifth'],
    ]);
    expect(all(body, 'ul > li > ol')).toHaveLength(1);
  });

  it('writes the table with its first row as header', () => {
    expect(all(mixedBody, 'thead th').map(textOf)).toEqual(['Parliament', 'Practice']);
    const rows = all(mixedBody, 'tbody tr').map((row) => all(row, 'td').map(textOf));
    expect(rows).toEqual([
      ['Kenya', 'Live captions'],
      ['الأردن', 'بث مباشر'],
    ]);
  });

  it('keeps pipes, breaks and code inside table cells in their cell', () => {
    const cell = (...content: ExportNode[]) => ({
      type: 'tableCell',
      attrs: { colspan: 1, rowspan: 1 },
      content: [paragraph(null, ...content)],
    });
    const table = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell(text('a | b')), cell(text('x|y', { type: 'code' }))] },
        { type: 'tableRow', content: [cell(text('one'), { type: 'hardBreak' }, text('two'))] },
      ],
    };
    const body = markdownToBody(guideOf(table));
    expect(all(body, 'th').map((th) => th.textContent)).toEqual(['a | b', 'x|y']);
    expect(all(body, 'tbody td').map((td) => td.innerHTML)).toEqual(['one<br>two', '']);
  });

  it('keeps a code block whole, however many backticks it holds', () => {
    expect(mixedBody.querySelector('pre > code')?.textContent).toBe('GET /api/agenda\n200 OK\n');
    const fenced = '```js\nconsole.log(1)\n````\n<script>';
    const body = markdownToBody(
      guideOf({ type: 'codeBlock', attrs: { language: 'js' }, content: [text(fenced)] }),
    );
    expect(all(body, 'pre')).toHaveLength(1);
    expect(body.querySelector('pre > code')?.textContent).toBe(`${fenced}\n`);
  });

  it('keeps the quote, the rule and the hard break', () => {
    expect(textOf(mixedBody.querySelector('blockquote > p'))).toBe(
      'Openness is a habit, not a project.',
    );
    expect(all(mixedBody, 'hr')).toHaveLength(1);
    expect(all(mixedBody, 'p').at(-1)?.innerHTML).toBe('First line<br>second line');
  });
});

describe('text direction in Markdown', () => {
  const directionOf = (element: ReadElement) =>
    element.closest('[dir]')?.getAttribute('dir') ?? 'ltr';
  const arabic = /[\u0600-\u06ff]/;

  it('puts Arabic blocks of an English guide in a right-to-left div, and only those', () => {
    const blocks = all(mixedBody, 'h1, h2, h3, h4, p');
    const rtl = blocks.filter((block) => directionOf(block) === 'rtl').map(textOf);
    expect(rtl).toEqual([
      'الشفافية البرلمانية',
      'تنشر اللجان جداول أعمالها قبل كل جلسة.',
      '2026: ملاحظة بدأت بأرقام وكتبت من اليمين.',
      'ترجمة فورية إلى العربية',
    ]);
    const ltr = all(mixedBody, 'h1, h2, h3, h4, p').filter((p) => directionOf(p) === 'ltr');
    expect(ltr.length).toBeGreaterThan(5);
    expect(ltr.map(textOf).filter((words) => arabic.test(words))).toEqual([]);
  });

  it('states both directions in an Arabic guide', () => {
    const compiled = compiledBook();
    const body = markdownToBody(renderGuideMarkdown(compiled, compiled.chapters[1]!));
    const byText = (words: string) => all(body, 'h1, h2, p').find((p) => textOf(p) === words)!;
    expect(directionOf(byText('المجموعة ب — المشاركة'))).toBe('rtl');
    expect(directionOf(byText('تفتح اللجان جلساتها للجمهور.'))).toBe('rtl');
    const english = byText('English note inside an Arabic guide.');
    expect(english.closest('[dir]')?.getAttribute('dir')).toBe('ltr');
  });
});

describe('hostile text in Markdown', () => {
  const hostile = renderGuideMarkdown(mixed, chapter({ content: hostileGuide }));
  const body = markdownToBody(hostile);

  it('lets no markup or script through', () => {
    expect(all(body, 'script, img, b, iframe')).toHaveLength(0);
    const attributes = all(body, '*').flatMap((element) =>
      Array.from(element.attributes, (attribute) => attribute.name),
    );
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    const hrefs = all(body, 'a').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.map((href) => decodeURI(href))).toEqual(['https://example.org/?q="><script>']);
  });

  it('shows what was typed as text', () => {
    const texts = all(body, 'h2, p').map((element) => element.textContent);
    expect(texts).toEqual([
      '<script>alert("title")</script>',
      '<img src=x onerror="alert(1)"> and <script>alert(2)</script>',
      'click me',
      'and me',
      'data too',
      'a safe one',
      '[md link](javascript:alert(6)) <b onmouseover=alert(7)>x</b> | pipe |',
    ]);
  });

  it('never lets typed text start a block', () => {
    const typed = [
      '# not a heading',
      '1. not a list',
      '2) nor this',
      '- nor this',
      '+ nor this',
      '> not a quote',
      '```',
      '<div>not html</div>',
      '***',
      '&amp; &copy; stay as typed',
      'back\\slash and *stars* and _under_ and ~~tilde~~ and `ticks`',
      '[ref]: https://example.org',
      'Heading underline follows',
    ];
    const body = markdownToBody(
      guideOf(
        ...typed.map((words) => paragraph(null, text(words))),
        paragraph(null, text('line'), { type: 'hardBreak' }, text('==='), { type: 'hardBreak' }),
        paragraph(null, text('    four spaces')),
        { type: 'heading', attrs: { level: 2 }, content: [text('C# and F# #')] },
      ),
    );
    expect(all(body, 'h1 ~ *').map((element) => [element.tagName, element.textContent])).toEqual([
      ...typed.map((words) => ['P', words]),
      ['P', 'line==='],
      ['P', 'four spaces'],
      ['H3', 'C# and F# #'],
    ]);
  });
});
