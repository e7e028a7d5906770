import { describe, expect, it } from 'vitest';
import { LatencyHistogram, percentile, regressionSlope } from './stats.ts';

describe('LatencyHistogram', () => {
  it('gives percentiles within 1% of the exact ones', () => {
    const histogram = new LatencyHistogram();
    const values: number[] = [];
    for (let index = 1; index <= 10_000; index++) {
      const value = ((index * 7919) % 10_007) / 37; // spread over 0–270 ms, not sorted
      values.push(value);
      histogram.record(value);
    }
    for (const p of [50, 90, 99, 99.9]) {
      const exact = percentile(values, p);
      expect(Math.abs(histogram.percentile(p) - exact) / exact).toBeLessThan(0.011);
    }
    expect(histogram.count).toBe(10_000);
    expect(histogram.max).toBe(Math.max(...values));
  });

  it('is empty until something is recorded, and merges', () => {
    const a = new LatencyHistogram();
    expect(a.percentile(50)).toBeNaN();
    const b = new LatencyHistogram();
    a.record(1);
    b.record(100);
    a.merge(b);
    expect(a.count).toBe(2);
    expect(a.percentile(100)).toBe(100);
    expect(a.percentile(50)).toBeCloseTo(1, 1);
  });
});

describe('regressionSlope', () => {
  it('finds the slope of a noisy line and is NaN without enough points', () => {
    const xs = [0, 1, 2, 3, 4, 5];
    expect(
      regressionSlope(
        xs,
        xs.map((x) => 3 * x + 10 + (x % 2 === 0 ? 0.1 : -0.1)),
      ),
    ).toBeCloseTo(3, 1);
    expect(regressionSlope([1], [2])).toBeNaN();
    expect(regressionSlope([1, 1], [2, 3])).toBeNaN();
  });
});
