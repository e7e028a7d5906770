import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** One root logger; each area logs through a child with its own `category`. */
export function createLogger(level: LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: 'draftroom' },
    // Never log secrets: cookies and auth headers are redacted wherever they appear.
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.cookie', '*.authorization'],
  });
}
