import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** One limit: `points` per `durationSeconds` per key; `name` keeps its counts apart from others'. */
export interface LimitSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Where limits keep their counts. In memory on one instance; on Redis with several
 * (`scaleout/redisLimiters.ts`), so a limit per address or per person holds across instances
 * instead of being multiplied by their number.
 */
export type Limiters = (spec: LimitSpec) => RateLimiterAbstract;

export const memoryLimiters: Limiters = ({ points, durationSeconds }) =>
  new RateLimiterMemory({ points, duration: durationSeconds });
