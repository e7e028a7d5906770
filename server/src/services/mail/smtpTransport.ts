import nodemailer from 'nodemailer';

/** One email, rendered: the transport adds only the sender. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The message's language (its Content-Language header). */
  language: string;
}

export interface MailTransport {
  /** host:port, for logs (the URL may hold a password: it is never logged). */
  readonly host: string;
  /** Resolves once the SMTP server accepted the message; rejects with a short, safe reason. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A hung SMTP server must not hold the outbox: connecting, the greeting and every silence on
 * the socket are bounded, so one attempt ends (as a failure to retry) within about a minute.
 */
export const smtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
  dnsTimeout: 10_000,
};

/** An SMTP transport from SMTP_URL (smtp:// with STARTTLS when offered, or smtps://). */
export function smtpTransport(
  smtpUrl: string,
  from: string,
  timeouts: typeof smtpTimeouts = smtpTimeouts,
): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const secrets = [user, pass, url.username, url.password].filter((secret) => secret.length > 0);
  const transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    secure,
    auth: user ? { user, pass } : undefined,
    ...timeouts,
    // One connection per attempt: nothing stays open between approvals.
    pool: false,
    logger: false,
    debug: false,
  });
  return {
    host: `${url.hostname}:${port}`,
    async send(mail) {
      try {
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'Content-Language': mail.language },
        });
      } catch (error) {
        // The original is left behind on purpose: nodemailer's errors may carry the
        // connection's options (credentials) and the session transcript.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(shortSendError(error, secrets));
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * What went wrong, in one short line fit for the organisers' status column and the log: the
 * SMTP server's reply when there is one ("550 5.1.1 No such user"), else the network error
 * ("connect ECONNREFUSED 127.0.0.1:2525"). The user name and password never appear in it.
 */
export function shortSendError(error: unknown, secrets: readonly string[]): string {
  const details = (error ?? {}) as { response?: unknown; message?: unknown };
  const reason =
    typeof details.response === 'string' && details.response
      ? details.response
      : typeof details.message === 'string' && details.message
        ? details.message
        : String(error);
  let text = reason.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) text = text.split(secret).join('***');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
