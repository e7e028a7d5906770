import { expect } from 'vitest';
import type { ApiRouteName } from '@draftroom/shared';
import { hostileBodies, type Json } from './hostileBodies.ts';

/** A route of a body fuzz: where to send, and a body it accepts. */
export interface FuzzTarget {
  route: ApiRouteName;
  valid: Record<string, Json>;
}

/**
 * The body fuzz's loop, shared by the fuzz files: first the valid body (it must be accepted),
 * then `perTarget` bent bodies from it, each answered with one of `allowed` (never a 5xx), a 400
 * always with `validation_failed` or `invalid_json`; `accepted` checks what a 2xx gave back.
 */
export async function fuzzEveryBody<T extends FuzzTarget>(options: {
  targets: readonly T[];
  send: (target: T, body: Json) => Promise<{ status: number; body: unknown }>;
  seed: number;
  perTarget: number;
  validStatuses: readonly number[];
  allowed: readonly number[];
  accepted?: (target: T, body: unknown) => void;
}): Promise<void> {
  for (const [index, target] of options.targets.entries()) {
    const first = await options.send(target, target.valid);
    expect({ route: target.route, status: first.status }).toEqual({
      route: target.route,
      status: expect.toBeOneOf([...options.validStatuses]) as unknown,
    });
    for (const body of hostileBodies(target.valid, options.seed + index, options.perTarget)) {
      const answer = await options.send(target, body);
      const seen = { route: target.route, body: JSON.stringify(body).slice(0, 200) };
      expect({ ...seen, status: answer.status }).toEqual({
        ...seen,
        status: expect.toBeOneOf([...options.allowed]) as unknown,
      });
      if (answer.status < 300) options.accepted?.(target, answer.body);
      if (answer.status === 400) {
        const code = (answer.body as { error: { code: string } }).error.code;
        expect({ ...seen, code }).toEqual({
          ...seen,
          code: expect.toBeOneOf(['validation_failed', 'invalid_json']) as unknown,
        });
      }
    }
  }
}
