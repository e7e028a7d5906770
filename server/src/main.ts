import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config/env.ts';
import { createLogger } from './lib/logger.ts';
import { StartupError } from './lib/startupError.ts';
import { isPostgresUrl } from './persistence/index.ts';
import { createDraftroomServer } from './server.ts';

/** Entry point: `pnpm start`. Reads the environment once, starts, and shuts down gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nFix these environment variables and start again.`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  // pnpm runs this from server/; relative paths mean the repository root, where people look.
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const databaseUrl =
    isPostgresUrl(config.DATABASE_URL) || isAbsolute(config.DATABASE_URL)
      ? config.DATABASE_URL
      : resolve(repoRoot, config.DATABASE_URL);
  const defaultStaticDir = join(repoRoot, 'client/dist');
  const staticDir =
    config.STATIC_DIR ?? (existsSync(defaultStaticDir) ? defaultStaticDir : undefined);

  let server;
  try {
    server = await createDraftroomServer(
      { ...config, DATABASE_URL: databaseUrl, STATIC_DIR: staticDir },
      logger,
    );
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    // Also on stderr in plain words: the reason must reach the operator even with LOG_LEVEL=silent.
    logger.fatal({ category: 'startup', problem: error.problem }, error.message);
    console.error(`Draftroom did not start: ${error.message}`);
    process.exit(1);
  }
  const url = await server.listen();
  // Shown once, on first start: the way in. Anyone with a link can join, so only the console sees them.
  const base = config.PUBLIC_URL?.replace(/\/$/, '') ?? url;
  for (const link of server.startupLinks) {
    logger.info(
      {
        category: 'startup',
        role: link.role,
        scope: link.scopeName,
        joinUrl: `${base}${link.joinPath}`,
      },
      `join link for ${link.role} (${link.scopeName}): ${base}${link.joinPath}`,
    );
  }
  // A focal point's link: not a join link (no sign-in), so logged under its own field.
  for (const link of server.startupRegistrationLinks) {
    logger.info(
      {
        category: 'startup',
        parliament: link.parliament,
        registrationUrl: `${base}${link.registrationPath}`,
      },
      `registration link for the focal point of ${link.parliament}: ${base}${link.registrationPath}`,
    );
  }
  // Last: test harnesses wait for this line, and by then every link above is printed.
  logger.info(
    { category: 'startup', url, database: databaseUrl },
    `Draftroom is running at ${url}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ category: 'shutdown', signal }, 'shutting down: storing every document');
    const forceExit = setTimeout(() => {
      logger.error({ category: 'shutdown' }, 'shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    forceExit.unref();
    server.close().then(
      () => {
        logger.info({ category: 'shutdown' }, 'stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ category: 'shutdown', err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
