import { guideBlocks, type BlockTag, type BlockWithin, type GuideBlock } from './guideBlocks.ts';
import { diffSequences } from './sequenceDiff.ts';

export type SegmentKind = 'same' | 'ins' | 'del';
export interface DiffSegment {
  kind: SegmentKind;
  text: string;
}

export interface DiffBlock {
  tag: BlockTag;
  within: BlockWithin;
  dir: 'ltr' | 'rtl' | null;
  /** Whole block kept, written anew, removed, or changed inside (see its segments). */
  status: 'same' | 'inserted' | 'deleted' | 'changed';
  segments: DiffSegment[];
}

export interface VersionDiff {
  blocks: DiffBlock[];
  /** Characters written and removed between the two versions. */
  inserted: number;
  deleted: number;
}

const sameBlock = (x: GuideBlock, y: GuideBlock) =>
  x.text === y.text && x.tag === y.tag && x.within === y.within;

// Words (letters, digits and combining marks of any script), runs of spaces, or one other
// character: a change shows as whole words, never as a soup of matching letters.
const tokenPattern = /[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu;
const tokens = (text: string) => text.match(tokenPattern) ?? [];

function segmentList() {
  const segments: DiffSegment[] = [];
  const add = (kind: SegmentKind, text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  return { segments, add };
}

function wordSegments(before: string, after: string): DiffSegment[] {
  const a = tokens(before);
  const b = tokens(after);
  const { segments, add } = segmentList();
  for (const run of diffSequences(a, b, (x, y) => x === y)) {
    if (run.kind === 'same') add('same', b.slice(run.b, run.b + run.count).join(''));
    else if (run.kind === 'del') add('del', a.slice(run.a, run.a + run.count).join(''));
    else add('ins', b.slice(run.b, run.b + run.count).join(''));
  }
  return segments;
}

/**
 * The changes inside one block: line by line first (a block with line breaks, or a long pasted
 * text, is compared like the blocks of a document, so the work stays proportional to what
 * changed), then word by word within each pair of changed lines.
 */
function textSegments(before: string, after: string): DiffSegment[] {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  if (a.length <= 1 && b.length <= 1) return readable(wordSegments(before, after));
  const { segments, add } = segmentList();
  const runs = diffSequences(a, b, (x, y) => x === y, 4000);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.kind === 'same') {
      add('same', b.slice(run.b, run.b + run.count).join(''));
      continue;
    }
    const next = runs[i + 1];
    const removed = run.kind === 'del' ? a.slice(run.a, run.a + run.count) : [];
    const added =
      run.kind === 'ins'
        ? b.slice(run.b, run.b + run.count)
        : next?.kind === 'ins'
          ? b.slice(next.b, next.b + next.count)
          : [];
    if (run.kind === 'del' && next?.kind === 'ins') i++;
    const pairs = Math.min(removed.length, added.length);
    for (let j = 0; j < pairs; j++) {
      for (const segment of wordSegments(removed[j]!, added[j]!)) add(segment.kind, segment.text);
    }
    add('del', removed.slice(pairs).join(''));
    add('ins', added.slice(pairs).join(''));
  }
  return readable(segments);
}

/**
 * "on Monday" → "every Tuesday" reads better as one deletion and one insertion than as
 * del/ins/space/del/ins: a change region swallows the spaces between its changes.
 */
function readable(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = '';
    ins = '';
  };
  segments.forEach((segment, index) => {
    const inChange = del !== '' || ins !== '';
    const next = segments[index + 1];
    if (segment.kind === 'del') del += segment.text;
    else if (segment.kind === 'ins') ins += segment.text;
    else if (inChange && next && /^\s+$/.test(segment.text)) {
      del += segment.text;
      ins += segment.text;
    } else {
      flush();
      out.push(segment);
    }
  });
  flush();
  return out;
}

/**
 * What changed from `before` to `after` (two versions' ProseMirror JSON): blocks are matched
 * first (so a paragraph moved down the page costs nothing to compare elsewhere), then each pair of
 * blocks replaced in place is compared word by word. Deleted text stays where it was, between what
 * remains, as in a document with tracked changes.
 */
export function diffVersions(before: unknown, after: unknown): VersionDiff {
  const a = guideBlocks(before);
  const b = guideBlocks(after);
  const blocks: DiffBlock[] = [];
  let inserted = 0;
  let deleted = 0;
  const whole = (block: GuideBlock, status: 'inserted' | 'deleted') => {
    // A citation's text is an id, not words anyone wrote: it is shown, never counted.
    const length = block.tag === 'cite' ? 0 : block.text.length;
    if (status === 'inserted') inserted += length;
    else deleted += length;
    const kind = status === 'inserted' ? 'ins' : 'del';
    blocks.push({ ...block, status, segments: [{ kind, text: block.text }] });
  };
  const runs = diffSequences(a, b, sameBlock, 4000);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.kind === 'same') {
      for (const block of b.slice(run.b, run.b + run.count)) {
        blocks.push({ ...block, status: 'same', segments: [{ kind: 'same', text: block.text }] });
      }
      continue;
    }
    // A deletion next to an insertion is a replacement: pair the blocks in order and compare the
    // pairs of the same kind word by word; the rest were removed or written whole.
    const next = runs[i + 1];
    const removed = run.kind === 'del' ? a.slice(run.a, run.a + run.count) : [];
    const added =
      run.kind === 'ins'
        ? b.slice(run.b, run.b + run.count)
        : next?.kind === 'ins'
          ? b.slice(next.b, next.b + next.count)
          : [];
    if (run.kind === 'del' && next?.kind === 'ins') i++;
    const pairs = Math.min(removed.length, added.length);
    for (let j = 0; j < Math.max(removed.length, added.length); j++) {
      const old = removed[j];
      const now = added[j];
      // Two blocks of a kind are compared word by word; a citation is one thing, cited or not.
      const comparable =
        old?.tag === now?.tag && old?.within === now?.within && old?.tag !== 'cite';
      if (j < pairs && old && now && comparable) {
        const segments = textSegments(old.text, now.text);
        for (const segment of segments) {
          if (segment.kind === 'ins') inserted += segment.text.length;
          if (segment.kind === 'del') deleted += segment.text.length;
        }
        blocks.push({ ...now, status: 'changed', segments });
        continue;
      }
      if (old) whole(old, 'deleted');
      if (now) whole(now, 'inserted');
    }
  }
  return { blocks, inserted, deleted };
}
