import type { DiffBlock, DiffSegment } from './versionDiff.ts';

/**
 * The diff as the history panel shows it, as a framework-free element tree: the client turns it
 * into React elements one for one, the bench serialises it to measure the whole render in Node.
 * Insertions are `<ins>` and deletions `<del>` (underlined and struck through by the stylesheet,
 * not only coloured), each starting with visually hidden words ("inserted", "deleted") that a
 * screen reader says; every block keeps its direction, or lets its text decide (`dir="auto"`).
 */
export interface MarkupElement {
  tag: string;
  attrs: Record<string, string>;
  children: Markup[];
}
export type Markup = MarkupElement | string;

export interface DiffLabels {
  inserted: string;
  deleted: string;
  /** Said for a removed or added block that held no text (an empty line). */
  emptyBlock: string;
  /** What a citation block shows, from the cited practice's id (its title); else the id. */
  citation?: (practiceId: string) => string;
}

const element = (
  tag: string,
  attrs: Record<string, string>,
  children: Markup[],
): MarkupElement => ({
  tag,
  attrs,
  children,
});
const hidden = (text: string) => element('span', { class: 'visually-hidden' }, [`${text} `]);

function segmentMarkup(segment: DiffSegment, labels: DiffLabels): Markup {
  if (segment.kind === 'same') return segment.text;
  const [tag, label] = segment.kind === 'ins' ? ['ins', labels.inserted] : ['del', labels.deleted];
  const text = segment.text === '' ? '¶' : segment.text;
  const shown = segment.text === '' ? [hidden(labels.emptyBlock), text] : [text];
  return element(tag, { class: `diff-${segment.kind}` }, [hidden(label), ...shown]);
}

export function diffMarkup(blocks: readonly DiffBlock[], labels: DiffLabels): MarkupElement[] {
  return blocks.map((block) => {
    const attrs: Record<string, string> = {
      class: `diff-block diff-${block.status}${block.within ? ` diff-within-${block.within}` : ''}`,
      dir: block.dir ?? 'auto',
    };
    // A rule or a citation is one thing: kept, or inserted or deleted whole.
    const whole = (shown: Markup): Markup[] =>
      block.status === 'same'
        ? [shown]
        : [
            element(
              block.status === 'inserted' ? 'ins' : 'del',
              { class: `diff-${block.status === 'inserted' ? 'ins' : 'del'}` },
              [hidden(block.status === 'inserted' ? labels.inserted : labels.deleted), shown],
            ),
          ];
    if (block.tag === 'hr') {
      return element(
        'p',
        attrs,
        whole(element('span', { class: 'diff-rule', 'aria-hidden': 'true' }, ['⸻'])),
      );
    }
    if (block.tag === 'cite') {
      const id = block.segments.map((segment) => segment.text).join('');
      const shown = element('span', { class: 'diff-cite' }, [labels.citation?.(id) ?? id]);
      return element('p', { ...attrs, dir: 'auto' }, whole(shown));
    }
    return element(
      block.tag,
      attrs,
      block.segments.map((s) => segmentMarkup(s, labels)),
    );
  });
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c] ?? c);

/** The tree as HTML (the bench's render, and tests that read the markup). */
export function markupToHtml(markup: readonly Markup[]): string {
  let html = '';
  for (const node of markup) {
    if (typeof node === 'string') {
      html += escape(node);
      continue;
    }
    const attrs = Object.entries(node.attrs)
      .map(([name, value]) => ` ${name}="${escape(value)}"`)
      .join('');
    html += `<${node.tag}${attrs}>${markupToHtml(node.children)}</${node.tag}>`;
  }
  return html;
}
