/**
 * The shortest edit script between two sequences (Myers' O(ND) algorithm), as runs of kept,
 * deleted and inserted elements. Used twice by the version diff: over a guide's blocks, then over
 * the words of each changed block.
 */
export type EditRun =
  | { kind: 'same'; a: number; b: number; count: number }
  | { kind: 'del'; a: number; count: number }
  | { kind: 'ins'; b: number; count: number };

/**
 * `maxEdits` bounds the work (time and memory grow with its square): past it the middle is given
 * as one deletion and one insertion, which is still a correct, if coarse, script.
 */
export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
  maxEdits = 2000,
): EditRun[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start] as T, b[start] as T)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1] as T, b[endB - 1] as T)) {
    endA--;
    endB--;
  }
  const runs: EditRun[] = [];
  const push = (run: EditRun) => {
    if (run.count === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.kind === run.kind) {
      last.count += run.count;
      return;
    }
    runs.push({ ...run });
  };
  push({ kind: 'same', a: 0, b: 0, count: start });
  for (const run of middle(a, b, start, endA, endB, same, maxEdits)) push(run);
  push({ kind: 'same', a: endA, b: endB, count: a.length - endA });
  return runs;
}

function middle<T>(
  a: readonly T[],
  b: readonly T[],
  start: number,
  endA: number,
  endB: number,
  same: (x: T, y: T) => boolean,
  maxEdits: number,
): EditRun[] {
  const n = endA - start;
  const m = endB - start;
  const coarse: EditRun[] = [
    { kind: 'del', a: start, count: n },
    { kind: 'ins', b: start, count: m },
  ];
  if (n === 0 || m === 0) return coarse;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d]: the furthest x on diagonals -(d+1)…d+1 before step d, all backtracking needs.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && same(a[start + x] as T, b[start + y] as T)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, start);
    }
  }
  return coarse;
}

function backtrack(trace: Int32Array[], n: number, m: number, start: number): EditRun[] {
  const reversed: EditRun[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d] as Int32Array;
    const at = (k: number) => row[k + d + 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    const diagonal = Math.min(x - prevX, y - prevY);
    if (diagonal > 0) {
      reversed.push({
        kind: 'same',
        a: start + x - diagonal,
        b: start + y - diagonal,
        count: diagonal,
      });
    }
    if (d > 0) {
      if (down) reversed.push({ kind: 'ins', b: start + prevY, count: 1 });
      else reversed.push({ kind: 'del', a: start + prevX, count: 1 });
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}
