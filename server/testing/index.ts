/**
 * The testing kit, shared by the server's tests, the browser tests and the benchmarks: start the
 * server as a process, and act as people do (join with an invite link, keep the cookie).
 */
export { freePort } from './ports.ts';
export { startRedisProcess, type RedisProcess } from './redisProcess.ts';
export {
  ServerExitedError,
  spawnServerProcess,
  type PrintedLink,
  type ServerProcessHandle,
} from './serverProcess.ts';
export { ApiClient, sampleProfile, type ApiResponse } from './apiClient.ts';
export {
  createCoCreationSession,
  createGroup,
  createGuide,
  createInvite,
  groupWithParticipants,
} from './conference.ts';
export { cookieWebSocket } from './cookieWebSocket.ts';
export { guideSeedClientId, guideText, readGuideText } from './guideText.ts';
// Guide content from ProseMirror JSON, as the editor writes it (the export bench seeds with it).
export { encodeGuideBody } from '../src/services/demo/guideBody.ts';
export {
  createPostgresTestDatabase,
  dropPostgresTestDatabase,
  dropTestDatabases,
  onPostgres,
  queryTestDatabase,
  removeTestData,
  testBackend,
  testDatabaseUrl,
  testPostgresUrl,
  testRedisUrl,
  type TestBackend,
} from './testDatabase.ts';
export {
  startSmtpCapture,
  type CapturedMail,
  type SmtpCapture,
  type SmtpCaptureOptions,
} from './smtpCapture.ts';
