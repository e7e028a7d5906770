import { expect } from 'vitest';
import {
  apiErrorSchema,
  apiPath,
  type ApiError,
  type ImportReport,
  type Person,
  type PersonList,
  type SessionDetail,
} from '@draftroom/shared';
import type { ApiClient } from '../../testing/index.ts';
import type { SentResponse } from './actors.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** Asserts an API error with its status and code; returns the parsed error. */
export function expectError(
  response: { status: number; body: unknown },
  status: number,
  code: string,
): ApiError['error'] {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { error: { code } },
  });
  const { error } = apiErrorSchema.parse(response.body);
  expect(error.message).not.toBe('');
  return error;
}

/** A request whose body is sent exactly as given (not JSON-encoded). */
export async function sendRaw(
  url: string,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<SentResponse> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

export const tokenOf = (joinPath: string) => joinPath.slice(joinPath.lastIndexOf('/') + 1);

/** Imports people from CSV lines (after the header) and returns the report. */
export async function importRows(
  organiser: ApiClient,
  rows: string[],
  options: {
    dryRun?: boolean;
    role?: 'participant' | 'observer' | 'facilitator';
    header?: string;
  } = {},
): Promise<ImportReport> {
  const header = options.header ?? 'name,parliament,country,language,email,group';
  return organiser.expect<ImportReport>(200, 'POST', apiPath('importPeople'), {
    csv: [header, ...rows].join('\n'),
    dryRun: options.dryRun ?? false,
    ...(options.role ? { role: options.role } : {}),
  });
}

/** Imports people who must all be created; returns their ids in file order. */
export async function importPeople(
  organiser: ApiClient,
  rows: string[],
  role?: 'participant' | 'observer',
) {
  const report = await importRows(organiser, rows, { role });
  expect(report.valid, JSON.stringify(report.rows)).toBe(true);
  return report.created.map(({ person }) => person.id);
}

export async function people(organiser: ApiClient): Promise<Person[]> {
  return (await organiser.expect<PersonList>(200, 'GET', apiPath('listPeople'))).people;
}

export async function groupsOf(organiser: ApiClient, sessionId: string) {
  return (await organiser.expect<SessionDetail>(200, 'GET', apiPath('getSession', { sessionId })))
    .groups;
}

/** Member ids of each group of a session, by group name. */
export async function membersByGroup(organiser: ApiClient, sessionId: string) {
  const groups = await groupsOf(organiser, sessionId);
  return Object.fromEntries(
    groups.map((group) => [group.name, group.members.map((member) => member.id)]),
  );
}

/** A server with an empty event (no demo) and a join limit no test reaches unless it sets one. */
export function startConferenceServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ SEED_DEMO: 'false', JOIN_RATE_LIMIT_PER_MINUTE: '100000', ...env });
}
