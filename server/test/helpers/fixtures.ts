import type { TestServer } from './testServer.ts';

/**
 * Adds a guide with a chosen id straight through the real guide repository. Collaboration tests
 * use this instead of `createGuide` so their document ids are fixed and readable (and do not
 * depend on how the API generates ids).
 */
export async function addGuide(
  server: TestServer,
  id: string,
  title = `Guide ${id}`,
): Promise<string> {
  await server.server.persistence.guides.create({ id, title, createdAt: new Date().toISOString() });
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
