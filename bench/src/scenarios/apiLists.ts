import type { ApiClient } from '@draftroom/server/testing';
import { createCoCreationSession, createGroup, createInvite } from '@draftroom/server/testing';
import type { ServerUnderTest } from '../lib/processes.ts';
import { percentile } from '../lib/stats.ts';

/**
 * Scenario 6: the organiser's lists at the size of a large event. One co-creation session of
 * `groups` breakout groups and `invites` invite links (scoped to the groups in turn), set up
 * through the API as an organiser does; then `requests` sequential reads of each list, timed one
 * by one from the client. Those lists once cost a few queries per group or per invite (N+1), so
 * their time grew with the event; this scenario is how that stays fixed.
 */
export interface ApiListsOptions {
  groups: number;
  invites: number;
  requests: number;
  log?: (message: string) => void;
}

export interface ListTiming {
  p50Ms: number;
  p95Ms: number;
  /** Items in the answer, checked against what was set up. */
  items: number;
}

export interface ApiListsResult {
  guides: ListTiming;
  invites: ListTiming;
  correct: boolean;
  problems: string[];
}

const warmupRequests = 5;

export async function runApiLists(
  server: ServerUnderTest,
  options: ApiListsOptions,
): Promise<ApiListsResult> {
  if (!server.organiser) throw new Error(`${server.name} has no organiser API to measure`);
  const organiser = await server.organiser();
  const session = await createCoCreationSession(organiser, 'Bench: lists');
  const groupIds: string[] = [];
  for (let index = 0; index < options.groups; index++) {
    groupIds.push((await createGroup(organiser, session.id, `Group ${index + 1}`)).id);
  }
  const existingInvites = (
    await organiser.expect<{ invites: unknown[] }>(200, 'GET', '/api/invites')
  ).invites.length;
  for (let index = 0; index < options.invites; index++) {
    const groupId = groupIds[index % groupIds.length] as string;
    await createInvite(organiser, 'participant', { type: 'group', id: groupId });
  }
  options.log?.(`  set up ${options.groups} groups and ${options.invites} invites`);

  const guides = await timeList(organiser, '/api/guides', 'guides', options.requests);
  const invites = await timeList(organiser, '/api/invites', 'invites', options.requests);
  const problems: string[] = [];
  if (guides.items !== options.groups) {
    problems.push(`the guide list had ${guides.items} guides, not ${options.groups}`);
  }
  if (invites.items !== existingInvites + options.invites) {
    problems.push(
      `the invite list had ${invites.items} invites, not ${existingInvites + options.invites}`,
    );
  }
  return { guides, invites, correct: problems.length === 0, problems };
}

async function timeList(
  organiser: ApiClient,
  path: string,
  key: 'guides' | 'invites',
  requests: number,
): Promise<ListTiming> {
  const read = () => organiser.expect<Record<string, unknown[]>>(200, 'GET', path);
  for (let index = 0; index < warmupRequests; index++) await read();
  const times: number[] = [];
  let items = 0;
  for (let index = 0; index < requests; index++) {
    const started = performance.now();
    const answer = await read();
    times.push(performance.now() - started);
    items = answer[key]?.length ?? 0;
  }
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), items };
}
