/** Percentile by nearest rank over a copy (inputs stay unsorted). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A latency histogram with logarithmic buckets 1% wide (from 1 µs to about 17 minutes), so a
 * run of millions of deliveries costs a few kilobytes and percentiles are within 1%.
 * Values are milliseconds.
 */
export class LatencyHistogram {
  private static readonly minMs = 0.001;
  private static readonly growth = Math.log(1.01);
  private readonly buckets = new Float64Array(2_100);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    const value = Math.max(ms, LatencyHistogram.minMs);
    const index = Math.min(
      this.buckets.length - 1,
      Math.floor(Math.log(value / LatencyHistogram.minMs) / LatencyHistogram.growth),
    );
    this.buckets[index] = (this.buckets[index] as number) + 1;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other: LatencyHistogram): void {
    for (let index = 0; index < this.buckets.length; index++) {
      this.buckets[index] = (this.buckets[index] as number) + (other.buckets[index] as number);
    }
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
  }

  /** The upper edge of the bucket holding the p-th percentile (nearest rank); NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let index = 0; index < this.buckets.length; index++) {
      seen += this.buckets[index] as number;
      if (seen >= rank) {
        return Math.min(
          this.max,
          LatencyHistogram.minMs * Math.exp((index + 1) * LatencyHistogram.growth),
        );
      }
    }
    return this.max;
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  summary() {
    return {
      count: this.count,
      p50Ms: this.percentile(50),
      p99Ms: this.percentile(99),
      maxMs: this.max,
      meanMs: this.mean,
    };
  }
}

/** Least-squares slope of y over x (NaN with fewer than two distinct x). */
export function regressionSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  let meanX = 0;
  let meanY = 0;
  for (let index = 0; index < n; index++) {
    meanX += xs[index] as number;
    meanY += ys[index] as number;
  }
  meanX /= n;
  meanY /= n;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < n; index++) {
    const dx = (xs[index] as number) - meanX;
    covariance += dx * ((ys[index] as number) - meanY);
    variance += dx * dx;
  }
  return variance === 0 ? Number.NaN : covariance / variance;
}
