import type { ExportBook, ExportChapter, ExportMark, ExportNode } from '../model.ts';

/**
 * Books the format tests render and read back: a guide using every node and mark of the shared
 * schema with Arabic and English paragraphs side by side, and a hostile guide with markup and
 * script URLs pasted in as text and links. Built as ProseMirror JSON, as the server reads guides.
 */
export const text = (value: string, ...marks: ExportMark[]): ExportNode => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 ? { marks } : {}),
});
export const paragraph = (dir: 'ltr' | 'rtl' | null, ...content: ExportNode[]): ExportNode => ({
  type: 'paragraph',
  attrs: { dir },
  content,
});
export const heading = (level: 1 | 2 | 3, value: string, dir: 'ltr' | 'rtl' | null = null) => ({
  type: 'heading',
  attrs: { level, dir },
  content: [text(value)],
});
const item = (...content: ExportNode[]): ExportNode => ({
  type: 'listItem',
  attrs: { dir: null },
  content,
});
const cell = (type: 'tableCell' | 'tableHeader', value: string): ExportNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, dir: null },
  content: [paragraph(null, text(value))],
});
export const bold: ExportMark = { type: 'bold' };
export const italic: ExportMark = { type: 'italic' };
export const link = (href: string): ExportMark => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
});

/** Every node and mark the guide schema has, Arabic paragraphs among English ones. */
export const mixedGuide: ExportNode = {
  type: 'doc',
  content: [
    heading(1, 'Opening the plenary to citizens'),
    paragraph(
      null,
      text('Plain, '),
      text('bold', bold),
      text(', '),
      text('italic', italic),
      text(', '),
      text('underlined', { type: 'underline' }),
      text(', '),
      text('struck', { type: 'strike' }),
      text(', '),
      text('code()', { type: 'code' }),
      text(', CO'),
      text('2', { type: 'subscript' }),
      text(', 1'),
      text('st', { type: 'superscript' }),
      text(' and a '),
      text('link to the IPU', link('https://www.ipu.org/')),
      text('.'),
    ),
    heading(2, 'الشفافية البرلمانية'),
    paragraph(null, text('تنشر اللجان '), text('جداول أعمالها', bold), text(' قبل كل جلسة.')),
    paragraph('rtl', text('2026: ملاحظة بدأت بأرقام وكتبت من اليمين.')),
    heading(2, 'Steps'),
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [
        item(paragraph(null, text('Publish the agenda'))),
        item(paragraph(null, text('Stream the sitting')), {
          type: 'bulletList',
          content: [
            item(paragraph(null, text('Captions in two languages'))),
            item(paragraph(null, text('ترجمة فورية إلى العربية'))),
          ],
        }),
      ],
    },
    {
      type: 'bulletList',
      content: [item(paragraph(null, text('A bullet at the top level')))],
    },
    heading(3, 'What members said'),
    {
      type: 'blockquote',
      content: [paragraph(null, text('Openness is a habit, not a project.'))],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [cell('tableHeader', 'Parliament'), cell('tableHeader', 'Practice')],
        },
        {
          type: 'tableRow',
          content: [cell('tableCell', 'Kenya'), cell('tableCell', 'Live captions')],
        },
        { type: 'tableRow', content: [cell('tableCell', 'الأردن'), cell('tableCell', 'بث مباشر')] },
      ],
    },
    { type: 'codeBlock', attrs: { language: null }, content: [text('GET /api/agenda\n200 OK')] },
    { type: 'horizontalRule' },
    paragraph(null, text('First line'), { type: 'hardBreak' }, text('second line')),
  ],
};

/** What an attacker could get into a guide: markup typed as text, and script URLs in links. */
export const hostileGuide: ExportNode = {
  type: 'doc',
  content: [
    heading(1, '<script>alert("title")</script>'),
    paragraph(null, text('<img src=x onerror="alert(1)"> and <script>alert(2)</script>')),
    paragraph(null, text('click me', link('javascript:alert(3)'))),
    paragraph(null, text('and me', link(' JaVaScRiPt:alert(4)'))),
    paragraph(null, text('data too', link('data:text/html,<script>alert(5)</script>'))),
    paragraph(null, text('a safe one', link('https://example.org/?q="><script>'))),
    paragraph(null, text('[md link](javascript:alert(6)) <b onmouseover=alert(7)>x</b> | pipe |')),
  ],
};

export function chapter(overrides: Partial<ExportChapter> = {}): ExportChapter {
  return {
    guideId: 'g-mixed',
    title: 'Group A — Transparency',
    language: 'en',
    status: 'open',
    version: null,
    content: mixedGuide,
    contributors: [
      { parliament: 'Parliament of Kenya', country: 'KE', names: ['Amina Odhiambo'] },
      { parliament: 'مجلس النواب الأردني', country: 'JO', names: ['ليلى حداد', 'Omar Nasser'] },
    ],
    ...overrides,
  };
}

export function book(overrides: Partial<ExportBook> = {}): ExportBook {
  return {
    kind: 'guide',
    locale: 'en',
    eventName: 'World e-Parliament Conference 2026',
    sessionTitle: 'Co-creation: open parliaments',
    exportedAt: '2026-12-01T10:00:00.000Z',
    timeZone: 'Europe/Zurich',
    pageSize: 'A4',
    chapters: [chapter()],
    ...overrides,
  };
}

/** A compiled book of two groups, one writing in Arabic. */
export function compiledBook(overrides: Partial<ExportBook> = {}): ExportBook {
  return book({
    kind: 'compiled',
    chapters: [
      chapter(),
      chapter({
        guideId: 'g-arabic',
        title: 'المجموعة ب — المشاركة',
        language: 'ar',
        status: 'frozen',
        version: { number: 3, label: 'النسخة النهائية', takenAt: '2026-12-01T09:30:00.000Z' },
        content: {
          type: 'doc',
          content: [
            heading(1, 'إشراك المواطنين'),
            paragraph(null, text('تفتح اللجان جلساتها للجمهور.')),
            paragraph('ltr', text('English note inside an Arabic guide.')),
          ],
        },
      }),
    ],
    ...overrides,
  });
}
