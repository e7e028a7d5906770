import { z } from 'zod';
import proxyAddr from 'proxy-addr';
import { limits } from '@draftroom/shared';

/**
 * Configuration comes from the environment, read and validated once at start-up. Every problem
 * is listed at once so a person fixing a deployment does not have to restart five times.
 */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be at least ${min}.`)
        .max(max, `${name} must be at most ${max}.`),
    );

/**
 * TRUST_PROXY: `false`, a hop count (`1` = the one proxy in front), or a comma-separated list of
 * proxy addresses, ranges and proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 * `true` is refused: it would believe an X-Forwarded-For header written by anyone.
 */
function parseTrustProxy(value: string, context: z.RefinementCtx): false | number | string[] {
  const refuse = (message: string) => {
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (value === 'false' || value === '0') return false;
  if (value === 'true') {
    return refuse(
      'TRUST_PROXY=true is no longer accepted: it believes an X-Forwarded-For header written by anyone, ' +
        'so no per-address limit holds. Set the number of proxies in front of Draftroom (e.g. TRUST_PROXY=1) ' +
        'or their addresses (e.g. TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.0/8).',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 100 ? hops : refuse('TRUST_PROXY: a hop count must be at most 100.');
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = entries.filter((entry) => {
    try {
      proxyAddr.compile(entry);
      return false;
    } catch {
      return true;
    }
  });
  if (entries.length === 0 || invalid.length > 0) {
    return refuse(
      `TRUST_PROXY must be false, a number of proxies (e.g. 1) or a comma-separated list of proxy ` +
        `addresses or ranges (e.g. loopback, 10.0.0.0/8); not understood: ${invalid.map((entry) => `"${entry}"`).join(', ') || '(empty)'}.`,
    );
  }
  return entries;
}

const envSchema = z.object({
  PORT: integer('PORT', 0, 65535).default(3000),
  HOST: z.string().min(1, 'HOST must not be empty.').default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1, 'DATABASE_URL must not be empty.')
    .default('./data/draftroom.sqlite')
    // A SQLite file path, or postgres://user:password@host:5432/database (several instances may
    // share it). The message never repeats the value: it may hold a password.
    .refine((url) => !/^postgres(ql)?:/i.test(url) || isPostgresUrlWithDatabase(url), {
      message:
        'DATABASE_URL: a PostgreSQL URL must look like postgres://user:password@host:5432/database (with a database name).',
    }),
  /**
   * Redis, for several instances serving the same guides (live events, edits and presence
   * between instances; limits shared by all). Unset: one instance, everything in process.
   */
  REDIS_URL: z
    .url({
      protocol: /^rediss?$/,
      error: 'REDIS_URL must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379.',
    })
    .optional(),
  /**
   * The start of every Redis key this deployment writes (`<prefix>events`, `<prefix>doc:<id>`,
   * `<prefix>limit:…`): deployments sharing one Redis (staging beside production, the tests'
   * servers) keep apart by giving each its own. Every instance of one deployment uses the same.
   */
  REDIS_PREFIX: z
    .string()
    .regex(
      /^[A-Za-z0-9_.:-]{1,64}$/,
      'REDIS_PREFIX must be 1–64 letters, digits, ".", "_", ":" or "-".',
    )
    .default('draftroom:'),
  /** This instance's name among several (in Redis entries and logs); random when unset. */
  INSTANCE_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'INSTANCE_ID must be 1–64 letters, digits, ".", "_" or "-".')
    .optional(),
  /** `normal` survives a killed process; `full` also survives power loss (an fsync per commit). */
  SQLITE_SYNCHRONOUS: z
    .enum(['normal', 'full'], { error: 'SQLITE_SYNCHRONOUS must be "normal" or "full".' })
    .default('normal'),
  LOG_LEVEL: z
    .enum(logLevels, { error: `LOG_LEVEL must be one of: ${logLevels.join(', ')}.` })
    .default('info'),
  /** Extra origins allowed to open the websocket (comma-separated), e.g. the Vite dev server. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^https?$/,
          error:
            'ALLOWED_ORIGINS must be a comma-separated list of http(s) origins, e.g. http://localhost:5173.',
        }),
      ),
    ),
  /** Where the built SPA lives (default: client/dist when it exists). */
  STATIC_DIR: z.string().optional(),
  /** The Chromium that prints PDF exports (Debian's by default; `bootstrap.sh` installs it). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** PDF pages the export browser prints at once; more wait their turn. */
  PDF_PAGES_AT_ONCE: integer('PDF_PAGES_AT_ONCE', 1, 16).default(2),
  /** Merge a document's appended updates into one state row after this many updates. */
  COMPACT_AFTER_UPDATES: integer('COMPACT_AFTER_UPDATES', 1, 10_000_000).default(5_000),
  /** …or after this many bytes of appended updates. */
  COMPACT_AFTER_BYTES: integer('COMPACT_AFTER_BYTES', 1, 1 << 30).default(8 * 1024 * 1024),
  /** While the database refuses writes, try a small write this often; /readyz is 503 until one works. */
  STORE_PROBE_INTERVAL_MS: integer('STORE_PROBE_INTERVAL_MS', 50, 600_000).default(5_000),
  /**
   * Take an automatic version of a guide at most this often, after activity (minutes; decimals
   * allowed, so tests can use a fraction of a second).
   */
  VERSION_EVERY_MINUTES: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'VERSION_EVERY_MINUTES must be a number of minutes, such as 10 or 0.5.')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(0.001, 'VERSION_EVERY_MINUTES must be at least 0.001 (60 ms).')
        .max(1440, 'VERSION_EVERY_MINUTES must be at most 1440 (a day).'),
    )
    .default(10),
  /**
   * Re-index a guide for search this long after its last stored edit (milliseconds); while
   * someone keeps typing, at least every 5 s (or this, if longer).
   */
  SEARCH_INDEX_QUIET_MS: integer('SEARCH_INDEX_QUIET_MS', 0, 600_000).default(1_500),
  /**
   * The organisers' dashboard reads an edited guide's words and sections again at most this
   * often (milliseconds; each read decodes the whole guide on the relay's thread).
   */
  DASHBOARD_FIGURES_EVERY_MS: integer('DASHBOARD_FIGURES_EVERY_MS', 100, 600_000).default(1_000),
  /** Unload a document this long after its last connection leaves (milliseconds). */
  IDLE_UNLOAD_MS: integer('IDLE_UNLOAD_MS', 0, 86_400_000).default(30_000),
  /** How often due session freezes are looked for (milliseconds; also once at start). */
  FREEZE_CHECK_MS: integer('FREEZE_CHECK_MS', 100, 3_600_000).default(15_000),
  /** Ping every connection this often; one missed answer closes it (milliseconds). */
  KEEPALIVE_MS: integer('KEEPALIVE_MS', 100, 3_600_000).default(30_000),
  /** Sustained messages per second one connection may send (a token bucket)… */
  RATE_LIMIT_MESSAGES_PER_SECOND: integer('RATE_LIMIT_MESSAGES_PER_SECOND', 1, 10_000_000).default(
    limits.maxMessagesPerSecond,
  ),
  /** …and how many it may send at once above that rate. */
  RATE_LIMIT_BURST: integer('RATE_LIMIT_BURST', 1, 100_000_000).default(limits.messageBurst),
  /** Open collaboration connections allowed from one IP address. */
  MAX_CONNECTIONS_PER_IP: integer('MAX_CONNECTIONS_PER_IP', 1, 1_000_000).default(
    limits.maxConnectionsPerIp,
  ),
  /** Largest stored size of one document (bytes); edits past it are refused. */
  MAX_DOCUMENT_BYTES: integer('MAX_DOCUMENT_BYTES', 1024, 1 << 30).default(limits.maxDocumentBytes),
  /** Most structs (Yjs items) one document may hold in memory; edits past it are refused. */
  MAX_DOCUMENT_ITEMS: integer('MAX_DOCUMENT_ITEMS', 1000, 100_000_000).default(
    limits.maxDocumentItems,
  ),
  /** Joins (and invite look-ups) allowed per minute from one IP address. */
  JOIN_RATE_LIMIT_PER_MINUTE: integer('JOIN_RATE_LIMIT_PER_MINUTE', 1, 10_000_000).default(30),
  /** How long an "Add a device" link and its code work (milliseconds; 10 minutes). */
  DEVICE_LINK_TTL_MS: integer('DEVICE_LINK_TTL_MS', 1000, 24 * 60 * 60 * 1000).default(600_000),
  /** Device codes one IP address may try per 10 minutes (right or wrong). */
  DEVICE_CODE_ATTEMPTS: integer('DEVICE_CODE_ATTEMPTS', 1, 10_000_000).default(10),
  /** How long a sign-in (the session cookie) lasts, in days. */
  SESSION_TTL_DAYS: integer('SESSION_TTL_DAYS', 1, 365).default(30),
  /**
   * Mark the session cookie Secure: `auto` when the request came over https (directly, or
   * through a proxy that says so in X-Forwarded-Proto and TRUST_PROXY is set).
   */
  COOKIE_SECURE: z
    .enum(['auto', 'true', 'false'], { error: 'COOKIE_SECURE must be "auto", "true" or "false".' })
    .default('auto'),
  /**
   * Which reverse proxies may say who the client is (X-Forwarded-For, -Proto): `false`, a hop
   * count, or their addresses. Every per-address limit and the cookie's https check use it.
   */
  TRUST_PROXY: z.string().trim().default('false').transform(parseTrustProxy),
  /** The address people use to reach the app, for the join links printed at start-up. */
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'PUBLIC_URL must be an http(s) URL such as https://draftroom.example.org.',
    })
    .optional(),
  /**
   * The SMTP server that sends sign-in emails: smtp://host:587 (STARTTLS when offered) or
   * smtps://host:465, with user:password@ when it asks for them. Unset: no email, the organisers
   * copy each personal link. Never repeated in messages or logs (it may hold a password).
   */
  SMTP_URL: z
    .string()
    .trim()
    .refine(isSmtpUrl, {
      message:
        'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587.',
    })
    .optional(),
  /** The sender of sign-in emails: an address or "Name <address>" (required with SMTP_URL). */
  MAIL_FROM: z
    .string()
    .trim()
    .refine(isMailFrom, {
      message:
        'MAIL_FROM must be an email address or "Name <address>", such as "Draftroom <noreply@example.org>".',
    })
    .optional(),
  /** The first retry of an email SMTP did not take (milliseconds); it doubles, up to 30 minutes. */
  MAIL_RETRY_MS: integer('MAIL_RETRY_MS', 10, 1_800_000).default(30_000),
  /** An email still not accepted this many hours after it was written is marked failed. */
  MAIL_GIVE_UP_HOURS: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'MAIL_GIVE_UP_HOURS must be a number of hours, such as 72 or 0.5.')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(0.0001, 'MAIL_GIVE_UP_HOURS must be more than 0.')
        .max(8760, 'MAIL_GIVE_UP_HOURS must be at most 8760 (a year).'),
    )
    .default(72),
  /** How often the outbox is looked at for emails due (milliseconds); approvals also wake it. */
  MAIL_POLL_MS: integer('MAIL_POLL_MS', 50, 3_600_000).default(10_000),
  /** Create the demo conference on first start. */
  SEED_DEMO: z
    .enum(['true', 'false'], { error: 'SEED_DEMO must be "true" or "false".' })
    .default('true')
    .transform((value) => value === 'true'),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default); throws a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = envSchema.safeParse(relevant);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => issue.message)),
    ...crossProblems(relevant),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

/** Rules between variables, checked on the raw values so they are listed with the others. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  return env.SMTP_URL && !env.MAIL_FROM
    ? ['MAIL_FROM is required with SMTP_URL: the address sign-in emails come from.']
    : [];
}

function isPostgresUrlWithDatabase(value: string): boolean {
  try {
    const url = new URL(value);
    return /^postgres(ql)?:$/i.test(url.protocol) && url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return /^smtps?:$/.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

const mailAddress = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** "someone@example.org" or "Name <someone@example.org>" (one line, no stray brackets). */
function isMailFrom(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value);
  return named ? mailAddress.test((named[2] ?? '').trim()) : mailAddress.test(value);
}
