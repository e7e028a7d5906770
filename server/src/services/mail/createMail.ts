import type { Config } from '../../config/env.ts';
import type { Logger } from '../../lib/logger.ts';
import type { Repositories } from '../../persistence/index.ts';
import { MailService, mailOff, type Mail } from './mailService.ts';
import { smtpTransport } from './smtpTransport.ts';

export interface RunningMail extends Mail {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Mail as configured: with SMTP_URL an outbox sender (started with the server, stopped on
 * close); without it, nothing is sent and the organisers copy each personal link.
 */
export function createMail(
  config: Pick<
    Config,
    'SMTP_URL' | 'MAIL_FROM' | 'MAIL_RETRY_MS' | 'MAIL_GIVE_UP_HOURS' | 'MAIL_POLL_MS'
  >,
  repositories: Repositories,
  log: Logger,
  baseUrl: () => string,
): RunningMail {
  if (!config.SMTP_URL || !config.MAIL_FROM) {
    log.info('SMTP_URL is not set: no sign-in emails; organisers copy each personal link');
    return { ...mailOff, start: () => {}, stop: async () => {} };
  }
  const transport = smtpTransport(config.SMTP_URL, config.MAIL_FROM);
  // The host only: the URL may hold a password.
  log.info({ smtpHost: transport.host }, `sign-in emails go through ${transport.host}`);
  return new MailService({
    repositories,
    transport,
    baseUrl,
    retryMs: config.MAIL_RETRY_MS,
    giveUpMs: config.MAIL_GIVE_UP_HOURS * 60 * 60 * 1000,
    pollMs: config.MAIL_POLL_MS,
    log,
  });
}
