import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Limiters } from '../lib/rateLimits.ts';
import type { RedisLink } from './redisLink.ts';

/**
 * Limits counted on Redis, shared by every instance (keys `<prefix>limit:<name>:<key>`). While
 * Redis is down each instance falls back to an in-memory limiter of the same size (the insurance
 * limiter): limits then hold per instance (looser by the number of instances) instead of
 * failing every request, and go back to shared counts once Redis is back.
 */
export function redisLimiters(link: RedisLink, prefix: string): Limiters {
  return ({ name, points, durationSeconds }) =>
    new RateLimiterRedis({
      storeClient: link.command,
      useRedisPackage: true,
      // Without the offline queue a command fails at once while Redis is down; this also
      // skips the attempt: straight to the insurance limiter.
      rejectIfRedisNotReady: true,
      keyPrefix: `${prefix}limit:${name}`,
      points,
      duration: durationSeconds,
      insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
    });
}
