/**
 * Where a gap between characters of `before` ends up in `after`, following the shortest edit
 * between the two strings (Myers' O(ND) diff). Text that survives a change keeps the gaps inside
 * it, whichever Yjs items now hold it: a split is a delete plus an insert in Yjs, so the copy of
 * the moved text has no identity in common with the original, but it has the same letters.
 *
 * `index` is the answer; `from`..`to` is every gap the text alone cannot tell from it: when the
 * caret sits where new text was inserted (someone typing at the same spot), it may belong before,
 * inside or after that text, which only Yjs knows.
 *
 * Returns null when the strings differ by more than `maxEdits` characters, where a guess would
 * be worth less than the caller's own answer (and the search would cost too much).
 */
export interface MappedGap {
  index: number;
  from: number;
  to: number;
}

export function mapThroughDiff(
  before: string,
  after: string,
  index: number,
  maxEdits = 500,
): MappedGap | null {
  const runs = unchangedRuns(before, after, maxEdits);
  if (runs === null) return null;
  // The last run that starts before the gap and the first that ends after it.
  let left: Run | null = null;
  let right: Run | null = null;
  for (const run of runs) {
    if (run.a < index) left = run;
    if (run.a + run.length > index) {
      right = run;
      break;
    }
  }
  // Inside a run of unchanged text, the gap moves with that text and nothing can be unsure.
  if (left !== null && left === right) {
    const mapped = left.b + (index - left.a);
    return { index: mapped, from: mapped, to: mapped };
  }
  // Between two runs, everything in `after` between them is new: the gap may be anywhere there.
  // It stays with the text on its left when that text touches it (a person's caret follows what
  // they have just typed), else with the text on its right, else (the text around it was deleted)
  // where the deleted text was.
  const from = left === null ? 0 : left.b + left.length;
  const to = right === null ? after.length : right.b;
  const touchesLeft = left !== null && left.a + left.length === index;
  const touchesRight = right !== null && right.a === index;
  const mapped = touchesLeft || !touchesRight ? from : to;
  return { index: mapped, from, to };
}

/** The unchanged runs of a shortest edit from `before` to `after`; null past `maxEdits`. */
function unchangedRuns(before: string, after: string, maxEdits: number): Run[] | null {
  // Most remote changes touch a small part of a long text: trim what did not change first.
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  const middle = commonRuns(a, b, maxEdits);
  if (middle === null) return null;
  const runs: Run[] = [];
  if (prefix > 0) runs.push({ a: 0, b: 0, length: prefix });
  for (const run of middle) runs.push({ a: prefix + run.a, b: prefix + run.b, length: run.length });
  if (suffix > 0) {
    runs.push({ a: before.length - suffix, b: after.length - suffix, length: suffix });
  }
  return runs;
}

interface Run {
  a: number;
  b: number;
  length: number;
}

/** The unchanged runs of a shortest edit from `a` to `b`, in order; null past `maxEdits`. */
function commonRuns(a: string, b: string, maxEdits: number): Run[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const history: Int32Array[] = [];
  for (let edits = 0; edits <= max; edits++) {
    history.push(frontier.slice());
    for (let k = -edits; k <= edits; k += 2) {
      const down =
        k === -edits || (k !== edits && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
      let x = down ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) return backtrack(history, offset, edits, n, m, a, b);
    }
  }
  return null;
}

function backtrack(
  history: Int32Array[],
  offset: number,
  edits: number,
  n: number,
  m: number,
  a: string,
  b: string,
): Run[] {
  const runs: Run[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const frontier = history[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK]!;
    const previousY = previousX - previousK;
    const startX = down ? previousX : previousX + 1;
    const startY = startX - k;
    if (x > startX) runs.push({ a: startX, b: startY, length: x - startX });
    x = previousX;
    y = previousY;
  }
  // What is left before the first edit is common to both.
  if (x > 0 && x === y && a.slice(0, x) === b.slice(0, y)) runs.push({ a: 0, b: 0, length: x });
  return runs.reverse();
}
