import { randomId } from '../../src/lib/ids.ts';
import type { TestServer } from './testServer.ts';

/**
 * Adds a group whose guide has a chosen id, straight through the real repositories (in a fixture
 * session). Collaboration tests use this instead of `createGuide` so their document ids are fixed
 * and readable. Access still goes through the normal rules: the organiser may write to it.
 */
export async function addGuide(
  server: TestServer,
  id: string,
  title = `Guide ${id}`,
): Promise<string> {
  const { persistence } = server.server;
  await persistence.transaction(async (repos) => {
    const person = await repos.people.get(server.organiser.personId);
    if (!person) throw new Error('the organiser is not in the database');
    const sessionId = randomId();
    await repos.sessions.create({
      id: sessionId,
      eventId: person.eventId,
      title: `Fixture session for ${id}`,
      description: '',
      kind: 'co-creation',
      audience: [],
      startsAt: '2021-06-18T12:00:00.000Z',
      endsAt: '2021-06-18T14:00:00.000Z',
      languages: ['en'],
      selfSelect: false,
      templateId: null,
    });
    await repos.guides.create({ id, title, createdAt: new Date().toISOString() });
    await repos.groups.create({
      id: randomId(),
      sessionId,
      name: title,
      workingLanguage: 'en',
      capacity: 50,
      guideId: id,
    });
  });
  return id;
}

/** Reads one sample from `/metrics`, e.g. `metric(url, 'x_total', { reason: 'malformed' })`; 0 if absent. */
export async function metric(
  baseUrl: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const labelText = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',');
  const series = labelText ? `${name}{${labelText}}` : name;
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
