import { describe, expect, it } from 'vitest';
import { isBuildStale } from './staleness.mjs';

describe('isBuildStale', () => {
  it('builds when there is no bundle yet', () => {
    expect(isBuildStale(undefined, [1, 2, 3])).toBe(true);
  });

  it('builds when any source is newer than the bundle', () => {
    expect(isBuildStale(100, [50, 101, 20])).toBe(true);
  });

  it('skips the build when every source is older or the same age', () => {
    expect(isBuildStale(100, [50, 100, 20])).toBe(false);
    expect(isBuildStale(100, [])).toBe(false);
  });

  it('reads the times lazily and stops at the first newer file', () => {
    let read = 0;
    function* times() {
      read++;
      yield 200;
      read++;
      yield 10;
    }
    expect(isBuildStale(100, times())).toBe(true);
    expect(read).toBe(1);
  });
});
