import { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './domainError.ts';
import { memoryLimiters, type Limiters } from './rateLimits.ts';

/**
 * A limit on how often one person may do something costly to others (each version stores the
 * whole guide; each session change makes every open page read again): `take(personId)` counts
 * one, or refuses with 429 `rate_limited` and when to try again. Counted where `shared` says:
 * in memory unless given the instances' shared limiters (Redis) and a name to count under.
 */
export function perPersonLimit(
  perMinute: number,
  refusal: string,
  shared?: { limiters: Limiters; name: string },
) {
  const limiter = (shared?.limiters ?? memoryLimiters)({
    name: shared?.name ?? 'person',
    points: perMinute,
    durationSeconds: 60,
  });
  return {
    async take(personId: string): Promise<void> {
      try {
        await limiter.consume(personId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const limited = new DomainError('rate_limited', refusal);
        limited.retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw limited;
      }
    },
  };
}
