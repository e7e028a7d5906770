import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { ConfigError, loadConfig } from './config/env.ts';
import { isPostgresUrl, openPersistence } from './persistence/index.ts';
import { InProcessEventBus } from './services/events/eventBus.ts';
import { createAuthService } from './services/auth/authService.ts';
import { createEventWithOrganiserLink } from './services/setup/createEvent.ts';

/**
 * Operator commands, run next to a server (SQLite in WAL mode allows it) or without one:
 *   pnpm cli events
 *   pnpm cli organiser-link [--event <id>] [--days <1-30>]
 *   pnpm cli create-event --name <name> --starts <YYYY-MM-DD> --ends <YYYY-MM-DD> [--time-zone <IANA>]
 * Links are printed, never logged: whoever holds one can join.
 */
const usage = `Usage:
  pnpm cli events                       list the events and their ids
  pnpm cli organiser-link [--event ID] [--days N]
                                        a single-use organiser link (default: the only event, 7 days)
  pnpm cli create-event --name NAME --starts YYYY-MM-DD --ends YYYY-MM-DD [--time-zone ZONE] [--languages en,fr,es,ar]
                                        a new event, and a link for its first organiser`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      event: { type: 'string' },
      days: { type: 'string' },
      name: { type: 'string' },
      starts: { type: 'string' },
      ends: { type: 'string' },
      'time-zone': { type: 'string' },
      languages: { type: 'string' },
      'public-url': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const databaseUrl =
    isPostgresUrl(config.DATABASE_URL) || isAbsolute(config.DATABASE_URL)
      ? config.DATABASE_URL
      : resolve(repoRoot, config.DATABASE_URL);
  const base = (
    values['public-url'] ??
    config.PUBLIC_URL ??
    `http://localhost:${config.PORT}`
  ).replace(/\/$/, '');
  const persistence = await openPersistence(databaseUrl, config.SQLITE_SYNCHRONOUS);
  const auth = createAuthService(persistence, new InProcessEventBus(), { sessionTtlMs: 0 });
  try {
    switch (command) {
      case 'events': {
        const events = await persistence.repositories.events.list();
        if (events.length === 0)
          console.log('No events yet: start the server once, or use create-event.');
        for (const event of events)
          console.log(`${event.id}  ${event.startsOn}…${event.endsOn}  ${event.name}`);
        return;
      }
      case 'organiser-link': {
        const events = await persistence.repositories.events.list();
        const event = values.event
          ? events.find((candidate) => candidate.id === values.event)
          : events[0];
        if (!event)
          throw new UsageError(
            values.event
              ? `No event has the id ${values.event}; see \`pnpm cli events\`.`
              : 'There is no event yet: start the server once, or use create-event.',
          );
        if (!values.event && events.length > 1)
          throw new UsageError(
            'There are several events; choose one with --event (see `pnpm cli events`).',
          );
        const days = values.days === undefined ? 7 : Number(values.days);
        if (!Number.isInteger(days) || days < 1 || days > 30)
          throw new UsageError('--days must be a whole number from 1 to 30.');
        const { joinPath } = await auth.mintOrganiserLink(
          event.id,
          'Command line',
          days * 24 * 60 * 60 * 1000,
        );
        console.log(
          `Single-use organiser link for “${event.name}”, valid ${days} day(s):\n${base}${joinPath}`,
        );
        return;
      }
      case 'create-event': {
        if (!values.name || !values.starts || !values.ends)
          throw new UsageError('create-event needs --name, --starts and --ends.');
        const { event, joinPath } = await createEventWithOrganiserLink(persistence, auth, {
          name: values.name,
          startsOn: values.starts,
          endsOn: values.ends,
          timeZone: values['time-zone'] ?? 'UTC',
          languages: (values.languages ?? 'en,fr,es,ar')
            .split(',')
            .map((code) => code.trim()) as never,
        });
        console.log(
          `Created “${event.name}” (${event.id}). Single-use organiser link:\n${base}${joinPath}`,
        );
        return;
      }
      default:
        throw new UsageError(command ? `Unknown command “${command}”.` : 'Give a command.');
    }
  } finally {
    await persistence.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    console.error(`${error.message}\n\n${usage}`);
  } else if (error instanceof ZodError) {
    console.error(
      `${error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('\n')}\n\n${usage}`,
    );
  } else if (error instanceof ConfigError) {
    console.error(`${error.message}\nFix these environment variables and try again.`);
  } else {
    console.error(error);
  }
  process.exitCode = 2;
});
