import { randomInt } from 'node:crypto';
import {
  deviceCodeAlphabet,
  deviceCodeLength,
  deviceSignInRequestSchema,
  formatDeviceCode,
  type DeviceLink,
  type DeviceSignInRequest,
} from '@draftroom/shared';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import type { DeviceLinkRecord, ConferenceStore } from '../../persistence/index.ts';
import type { SignIn } from './authService.ts';
import { hashToken, newToken } from './tokens.ts';

export interface DeviceLinkOptions {
  /** How long a link and its code work (DEVICE_LINK_TTL_MS, 10 minutes by default). */
  ttlMs: number;
  /** Code attempts per client address per 10 minutes (DEVICE_CODE_ATTEMPTS). */
  codeAttempts: number;
  /** How long the new device's sign-in lasts. */
  sessionTtlMs: number;
  /** Where code attempts count (Redis with several instances, so the limit holds across them). */
  limiters?: Limiters;
}

/** Eight characters from 30: about 39 bits; guessing is bounded by the attempt limit and TTL. */
function newCode(): string {
  let code = '';
  for (let i = 0; i < deviceCodeLength; i += 1) {
    code += deviceCodeAlphabet[randomInt(deviceCodeAlphabet.length)];
  }
  return code;
}

const invalid = () =>
  new DomainError(
    'device_link_invalid',
    'This device link or code is not valid. Check it, or ask for a new one on your other device.',
  );

/**
 * "Add a device": a signed-in person gets a link and a code for another device of theirs. Both
 * are stored hashed, work once, for `ttlMs`, and only while the sign-in that asked is active.
 */
export function createDeviceLinkService(persistence: ConferenceStore, options: DeviceLinkOptions) {
  const { repositories } = persistence;
  const codeLimit = (options.limiters ?? memoryLimiters)({
    name: 'deviceCode',
    points: options.codeAttempts,
    durationSeconds: 600,
  });

  async function takeCodeAttempt(clientAddress: string): Promise<void> {
    try {
      await codeLimit.consume(clientAddress);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const limited = new DomainError(
        'rate_limited',
        'Too many codes were tried from your network; wait a few minutes and try again.',
      );
      limited.retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw limited;
    }
  }

  async function usable(link: DeviceLinkRecord | undefined): Promise<DeviceLinkRecord> {
    const now = new Date().toISOString();
    if (!link || !(await repositories.authSessions.isActive(link.authSessionId, now))) {
      throw invalid();
    }
    if (link.usedAt !== null) {
      throw new DomainError(
        'device_link_used',
        'This device link or code was already used. Ask for a new one on your other device.',
      );
    }
    if (link.expiresAt <= now) {
      throw new DomainError(
        'device_link_expired',
        'This device link or code has expired. Ask for a new one on your other device.',
      );
    }
    return link;
  }

  return {
    async create(signIn: SignIn): Promise<DeviceLink> {
      const token = newToken();
      const code = newCode();
      const createdAt = new Date();
      const expiresAt = new Date(createdAt.getTime() + options.ttlMs).toISOString();
      await repositories.deviceLinks.create({
        id: randomId(),
        personId: signIn.personId,
        authSessionId: signIn.authSessionId,
        tokenHash: hashToken(token),
        codeHash: hashToken(code),
        createdAt: createdAt.toISOString(),
        expiresAt,
        usedAt: null,
      });
      return { linkPath: `/device/${token}`, code: formatDeviceCode(code), expiresAt };
    },

    /** Uses the link (or code) once and signs this device in as its person. */
    async signIn(
      request: DeviceSignInRequest,
      clientAddress: string,
    ): Promise<SignIn & { token: string; expiresAt: string }> {
      const input = deviceSignInRequestSchema.parse(request);
      let link: DeviceLinkRecord | undefined;
      if ('code' in input) {
        // Counted before looking: a right code after the limit is refused like a wrong one.
        await takeCodeAttempt(clientAddress);
        link = await repositories.deviceLinks.getByCodeHash(hashToken(input.code));
      } else {
        link = await repositories.deviceLinks.getByTokenHash(hashToken(input.token));
      }
      const found = await usable(link);
      const sessionToken = newToken();
      const expiresAt = new Date(Date.now() + options.sessionTtlMs).toISOString();
      const authSessionId = randomId();
      await persistence.transaction(async (repos) => {
        if (!(await repos.deviceLinks.use(found.id, new Date().toISOString()))) throw invalid();
        await repos.authSessions.create({
          id: authSessionId,
          personId: found.personId,
          expiresAt,
          tokenHash: hashToken(sessionToken),
        });
      });
      return { authSessionId, personId: found.personId, token: sessionToken, expiresAt };
    },
  };
}

export type DeviceLinkService = ReturnType<typeof createDeviceLinkService>;
