export { createDraftroomServer, type DraftroomServer } from './server.ts';
export { loadConfig, ConfigError, type Config } from './config/env.ts';
export { createLogger } from './lib/logger.ts';
