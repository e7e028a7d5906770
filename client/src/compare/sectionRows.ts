import { diffSequences } from '@draftroom/shared/history';

/** A run of top-level blocks: a heading and what follows it up to the next heading. */
export interface Section {
  /** The heading's text; null for what comes before a guide's first heading. */
  heading: string | null;
  blocks: unknown[];
}

/** One line of the side-by-side view: a section of each guide, or of one only. */
export interface SectionRow {
  left: Section | null;
  right: Section | null;
}

interface Block {
  type?: string;
  text?: string;
  content?: Block[];
}

const textOf = (node: Block): string =>
  (node.text ?? '') + (node.content ?? []).map(textOf).join('');

/** A guide's top-level blocks cut before each heading (any level). */
export function sectionsOf(content: { content?: unknown[] }): Section[] {
  const sections: Section[] = [];
  for (const block of (content.content ?? []) as Block[]) {
    const last = sections[sections.length - 1];
    if (block.type === 'heading') sections.push({ heading: textOf(block).trim(), blocks: [block] });
    else if (last) last.blocks.push(block);
    else sections.push({ heading: null, blocks: [block] });
  }
  return sections;
}

/**
 * The two guides' sections side by side, so that the same heading starts on the same line:
 * sections are matched by their heading's text with the shared edit script; where headings
 * differ (two languages, a heading rewritten), the unmatched sections between two matches are
 * paired in order, so guides written from one template still line up section by section.
 */
export function sectionRows(left: { content?: unknown[] }, right: { content?: unknown[] }) {
  const a = sectionsOf(left);
  const b = sectionsOf(right);
  const runs = diffSequences(a, b, (x, y) => x.heading === y.heading);
  const rows: SectionRow[] = [];
  let removed: Section[] = [];
  let added: Section[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      rows.push({ left: removed[i] ?? null, right: added[i] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const run of runs) {
    if (run.kind === 'del') removed.push(...a.slice(run.a, run.a + run.count));
    else if (run.kind === 'ins') added.push(...b.slice(run.b, run.b + run.count));
    else {
      flush();
      for (let i = 0; i < run.count; i++) rows.push({ left: a[run.a + i]!, right: b[run.b + i]! });
    }
  }
  flush();
  return rows;
}
