/**
 * Realistic guide content for the export scenario, as ProseMirror JSON in the guide schema: what
 * a breakout group writes in a session (sections under headings, paragraphs with bold, italic,
 * underlined and linked words, bullet and numbered lists, one table, a quotation, and some
 * paragraphs in Arabic), of about `words` words. Deterministic per guide, so every run exports
 * the same book.
 */

interface Node {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

const vocabulary = (
  'parliament committee oversight budget hearing delegation amendment ministry members report ' +
  'citizens accountability gender equality climate adaptation finance scrutiny procedure ' +
  'petition constituency agenda session plenary motion vote transparency public consultation ' +
  'legislation draft clause article implementation review evidence witnesses recommendation ' +
  'follow-up resources staff training regional cooperation network data access information ' +
  'youth participation women representation rights health education water energy resilience ' +
  'audit institution independence mandate question answer government response timeline ' +
  'stakeholders civil society media monitoring indicators progress targets commitments'
).split(' ');

const arabicSentences = [
  'يجب على البرلمان أن يراقب تنفيذ الميزانية بشفافية كاملة وأن يقدم تقارير منتظمة إلى المواطنين.',
  'ناقشت المجموعة دور اللجان في متابعة التوصيات وضمان مشاركة الشباب والنساء في صنع القرار.',
  'نوصي بإنشاء شبكة إقليمية لتبادل الخبرات بين البرلمانات حول التكيف مع تغير المناخ.',
  'تحتاج الأمانة العامة إلى موارد إضافية وتدريب للموظفين من أجل دعم عمل الأعضاء.',
];

const sectionTitles = [
  'Context and purpose',
  'What the group discussed',
  'Oversight of the budget',
  'Participation of citizens',
  'Regional cooperation',
  'Recommendations to parliaments',
  'Commitments and follow-up',
  'Open questions',
  'Resources needed',
  'Good practice shared',
];

/** A small deterministic generator (mulberry32), so the content is the same on every run. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (value: string, marks?: Node['marks']): Node => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (level: number, value: string): Node => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const listItem = (value: string): Node => ({ type: 'listItem', content: [paragraph(text(value))] });

/** Counts the words of a guide's text, as a reader would (Arabic words included). */
export function countWords(node: Node): number {
  const own = node.text ? node.text.split(/\s+/).filter(Boolean).length : 0;
  return own + (node.content ?? []).reduce((sum, child) => sum + countWords(child), 0);
}

/** A guide of about `words` words (never fewer), different for each `guide` number. */
export function guideContent(guide: number, words: number): Node {
  const random = randomFrom(guide + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const phrase = (length: number) => Array.from({ length }, () => pick(vocabulary)).join(' ');
  const sentence = () => {
    const body = phrase(8 + Math.floor(random() * 10));
    return `${body.charAt(0).toUpperCase()}${body.slice(1)}.`;
  };
  /** A paragraph of 3-5 sentences, some words marked as people mark them. */
  const prose = (): Node => {
    const parts: Node[] = [];
    const sentences = 3 + Math.floor(random() * 3);
    for (let index = 0; index < sentences; index++) {
      const roll = random();
      if (roll < 0.15) parts.push(text(`${phrase(2)} `, [{ type: 'bold' }]));
      else if (roll < 0.25) parts.push(text(`${phrase(3)} `, [{ type: 'italic' }]));
      else if (roll < 0.3) parts.push(text(`${phrase(2)} `, [{ type: 'underline' }]));
      else if (roll < 0.35) {
        parts.push(
          text(`${phrase(2)}`, [
            { type: 'link', attrs: { href: `https://example.org/guide-${guide}/${index}` } },
          ]),
          text(' '),
        );
      }
      parts.push(text(`${sentence()} `));
    }
    return paragraph(...parts);
  };
  const table = (): Node => {
    const cell = (type: string, value: string): Node => ({
      type,
      content: [paragraph(text(value))],
    });
    const rows = [
      ['Action', 'Who', 'By when'].map((value) => cell('tableHeader', value)),
      ...Array.from({ length: 4 }, () => [
        cell('tableCell', phrase(5)),
        cell('tableCell', pick(['Committee', 'Secretariat', 'Speaker', 'Members'])),
        cell('tableCell', pick(['March', 'June', 'September', 'December'])),
      ]),
    ];
    return { type: 'table', content: rows.map((content) => ({ type: 'tableRow', content })) };
  };

  // A summary in Arabic at the top, so even a short (smoke) guide has right-to-left text.
  const content: Node[] = [
    heading(1, `Guide of breakout group ${guide + 1}`),
    prose(),
    paragraph(text(pick(arabicSentences))),
  ];
  let section = 0;
  while (countWords({ type: 'doc', content }) < words) {
    content.push(heading(2, `${section + 1}. ${sectionTitles[section % sectionTitles.length]}`));
    content.push(prose(), prose());
    if (section % 4 === 1) content.push(heading(3, 'Key points'));
    const kind = section % 5;
    if (kind === 0) {
      content.push({
        type: 'bulletList',
        content: Array.from({ length: 4 }, () => listItem(sentence())),
      });
    } else if (kind === 1) {
      content.push({
        type: 'orderedList',
        attrs: { start: 1 },
        content: Array.from({ length: 4 }, () => listItem(sentence())),
      });
    } else if (kind === 2) {
      content.push(
        paragraph(text(pick(arabicSentences))),
        paragraph(text(pick(arabicSentences)), text(` ${pick(arabicSentences)}`)),
      );
    } else if (kind === 3) {
      content.push({ type: 'blockquote', content: [paragraph(text(sentence()))] });
    }
    // One table per guide, early enough that a short (smoke) guide has it too.
    if (section === 0) content.push(table());
    content.push(prose());
    section++;
  }
  return { type: 'doc', content };
}
