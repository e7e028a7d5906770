// Attacks on the Markdown export: text a participant types must never become markup that a
// Markdown viewer acts on (an image it fetches, raw HTML, a link reference). Read back by marked.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ExportNode } from '../model.ts';
import { book, chapter, link, paragraph, text } from '../testing/sampleBooks.ts';
import { renderGuideMarkdown } from './renderMarkdown.ts';

const mixed = book();
const guideOf = (...content: ExportNode[]) =>
  renderGuideMarkdown(mixed, chapter({ content: { type: 'doc', content } }));

describe('Markdown export against typed markup', () => {
  it('a "!" typed just before a link does not turn the link into an image a viewer fetches', () => {
    const markdown = guideOf(
      paragraph(null, text('Wow!'), text('see this', link('https://tracker.example/pixel.png'))),
    );
    const html = marked.parse(markdown) as string;
    expect(html).not.toContain('<img');
    expect(html).toContain('Wow!');
    expect(html).toContain('href="https://tracker.example/pixel.png"');
  });

  it('typed images, autolinks, comments, raw HTML and reference definitions stay text', () => {
    const typed = [
      '![x](https://tracker.example/a.png)',
      '<javascript:alert(1)>',
      '<!-- hidden -->',
      '<img src=https://tracker.example/b.png>',
      '[ref]: https://tracker.example/c',
      '[ref]',
      'https://www.example.com/auto',
    ];
    const markdown = guideOf(...typed.map((line) => paragraph(null, text(line))));
    const html = marked.parse(markdown) as string;
    // Bare URLs become links (GFM autolink literals), as they would in the editor's own view.
    expect(html).not.toMatch(/<img|<!--|<javascript|href="javascript/);
  });
});
