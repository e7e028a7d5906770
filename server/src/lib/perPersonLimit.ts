import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './domainError.ts';

/**
 * A limit on how often one person may do something costly to others (each version stores the
 * whole guide; each session change makes every open page read again): `take(personId)` counts
 * one, or refuses with 429 `rate_limited` and when to try again. In memory: one process per
 * database today; a shared store comes with scale-out.
 */
export function perPersonLimit(perMinute: number, refusal: string) {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
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
