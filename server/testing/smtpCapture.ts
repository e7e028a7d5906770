import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './ports.ts';

/** One message as the SMTP server received it, parsed by mailparser (an independent reader). */
export interface CapturedMail {
  /** The envelope's recipients (RCPT TO), lower case. */
  to: string[];
  /** The envelope's sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface SmtpCaptureOptions {
  /** A port to use (default: a free one). */
  port?: number;
  /** Start not listening: SMTP is "down" until `start()`. */
  down?: boolean;
  /** Require AUTH with these credentials (otherwise anyone may send). */
  auth?: { user: string; pass: string };
}

export interface SmtpCapture {
  port: number;
  /** smtp://127.0.0.1:port (with user:password@ when `auth` is set): for SMTP_URL. */
  url: string;
  /** Every message accepted so far, in order. */
  messages: CapturedMail[];
  /** Until called again with null, every recipient is refused with this SMTP reply. */
  rejectRecipients(reply: { code: number; message: string } | null): void;
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Stops listening (the port stays this capture's: `start()` listens on it again). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for tests of sign-in emails: the
 * server's outbox talks to it over a socket exactly as to a mail relay. Plain SMTP (no STARTTLS):
 * nothing leaves the machine.
 */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const port = options.port ?? (await freePort());
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  let rejection: { code: number; message: string } | null = null;
  let server: SMTPServer | undefined;

  const newServer = () =>
    new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        const ok =
          options.auth &&
          auth.username === options.auth.user &&
          auth.password === options.auth.pass;
        if (ok) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
      },
      onRcptTo(_address, _session, callback) {
        if (!rejection) return callback();
        callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
            });
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });

  const capture: SmtpCapture = {
    port,
    url: options.auth
      ? `smtp://${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@127.0.0.1:${port}`
      : `smtp://127.0.0.1:${port}`,
    messages,
    rejectRecipients(reply) {
      rejection = reply;
    },
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`expected ${count} emails within ${timeoutMs} ms, got ${messages.length}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async start() {
      if (server) return;
      const starting = newServer();
      await new Promise<void>((resolve, reject) => {
        starting.server.once('error', reject);
        starting.listen(port, '127.0.0.1', () => resolve());
      });
      server = starting;
    },
    async stop() {
      const stopping = server;
      server = undefined;
      if (stopping) await new Promise<void>((resolve) => stopping.close(() => resolve()));
    },
  };
  if (!options.down) await capture.start();
  return capture;
}
