import type { JSONContent } from '@tiptap/core';

/**
 * The demo guides a newcomer finds on first start: what breakout groups of the 9th World
 * e-Parliament Conference (online, 16–18 June 2021) might have begun writing.
 */
export interface DemoGuide {
  id: string;
  title: string;
  body: JSONContent;
}

const heading = (level: number, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});
const bullets = (items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});

export const demoGuides: DemoGuide[] = [
  {
    id: 'remote-plenary-sittings',
    title: 'Running remote plenary sittings',
    body: {
      type: 'doc',
      content: [
        heading(1, 'Running remote plenary sittings'),
        paragraph(
          'A practical guide from the breakout group on virtual parliaments: what to prepare before the first remote sitting, and what to keep once members return to the chamber.',
        ),
        heading(2, 'Before the sitting'),
        bullets([
          'Amend the rules of procedure so remote votes are valid.',
          'Test every member’s connection and identity check a day ahead.',
          'Publish the agenda and the technical support contact.',
        ]),
        heading(2, 'During the sitting'),
        paragraph('Keep one technical officer per party group on an open line.'),
      ],
    },
  },
  {
    id: 'social-media-for-committees',
    title: 'Social media for parliamentary committees',
    body: {
      type: 'doc',
      content: [
        heading(1, 'Social media for parliamentary committees'),
        paragraph(
          'How committee secretariats can explain their work to citizens, channel by channel.',
        ),
        heading(2, 'Principles'),
        bullets([
          'Be impartial.',
          'Answer questions within two working days.',
          'Caption every video.',
        ]),
      ],
    },
  },
  {
    id: 'open-data-for-bills',
    title: 'Publishing bills as open data',
    body: {
      type: 'doc',
      content: [
        heading(1, 'Publishing bills as open data'),
        paragraph(
          'Start with a machine-readable format for bills and amendments, then open an API.',
        ),
      ],
    },
  },
  {
    id: 'parliamentary-research-services',
    title: 'خدمات البحث البرلماني',
    body: {
      type: 'doc',
      content: [
        heading(1, 'خدمات البحث البرلماني'),
        paragraph('دليل عملي لتقديم البحوث والمعلومات إلى أعضاء البرلمان بسرعة وحياد.'),
        heading(2, 'المبادئ'),
        bullets(['الحياد السياسي.', 'الرد على الطلبات خلال يومي عمل.', 'نشر الملخصات للجمهور.']),
      ],
    },
  },
];
