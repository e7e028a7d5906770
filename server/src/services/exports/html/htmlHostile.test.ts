// Names an organiser types (event, session, group), names of people and version labels, and the
// guide's own text and link marks, all crafted to break out of the HTML export. Read back by
// linkedom: the document must hold only the elements and attributes the export itself writes.
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ExportNode } from '../model.ts';
import { chapter, compiledBook, link, paragraph, text } from '../testing/sampleBooks.ts';
import { renderHtml } from './renderHtml.ts';

const breakout =
  '</style></title><base href="https://evil.example/"><style>body{background:url(https://evil.example/x)}</style>' +
  '<img src=x onerror=alert(1)>" onmouseover="alert(1)\' x=\'<!--<script>alert(1)</script>';

interface Node {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
}

describe('HTML export against crafted names and content', () => {
  it('writes no element or attribute of its own choosing for any of them', () => {
    const content: ExportNode = {
      type: 'doc',
      content: [
        paragraph(null, text(breakout)),
        paragraph(null, text('a link', link(`https://ok.example/" onclick="alert(1)`))),
        { type: 'heading', attrs: { level: '1"><script>' }, content: [text(breakout)] },
        { type: 'orderedList', attrs: { start: '1" onclick="x' }, content: [] },
        { type: 'paragraph', attrs: { dir: 'rtl" onclick="x' }, content: [text('x')] },
      ],
    };
    const html = renderHtml(
      compiledBook({
        eventName: breakout,
        sessionTitle: breakout,
        chapters: [
          chapter({
            title: breakout,
            version: { number: 1, label: breakout, takenAt: '2026-01-01T00:00:00Z' },
            contributors: [{ parliament: breakout, country: 'KE', names: [breakout] }],
            content,
          }),
        ],
      }),
    );
    const document = new DOMParser().parseFromString(html, 'text/html');
    const elements = [...document.querySelectorAll('*')] as unknown as Node[];
    const tags = new Set(elements.map((element) => element.tagName.toLowerCase()));
    for (const tag of ['base', 'script', 'img', 'iframe']) expect(tags.has(tag), tag).toBe(false);
    expect(elements.filter((element) => element.tagName === 'STYLE')).toHaveLength(1);
    for (const element of elements) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name, element.tagName).not.toMatch(/^on|^x$/);
        if (attribute.name === 'dir') expect(['ltr', 'rtl', 'auto']).toContain(attribute.value);
      }
    }
    const style = elements.find((element) => element.tagName === 'STYLE')!;
    expect(style.textContent).not.toContain('evil.example');
    expect(html).toContain('https://ok.example/&quot; onclick=&quot;alert(1)');
  });
});
