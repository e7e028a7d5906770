// The OpenAPI document (every route of the shared table) and the health endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, sessionCookieName } from '@draftroom/shared';
import { send } from './helpers/actors.ts';
import { startConferenceServer } from './helpers/conferenceApi.ts';
import type { TestServer } from './helpers/testServer.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startConferenceServer();
});
afterAll(async () => {
  await server?.cleanup();
});

describe('OpenAPI and health', () => {
  it('documents every route of the table with its method, success status and the session cookie', async () => {
    const response = await send(server.url, undefined, 'GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    type Operation = {
      operationId: string;
      responses: Record<string, unknown>;
      requestBody?: unknown;
      security?: unknown[];
    };
    const document = response.body as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    for (const [name, route] of Object.entries(apiRoutes)) {
      const operation =
        document.paths[`/api${route.path.replace(/:(\w+)/g, '{$1}')}`]?.[route.method];
      expect(operation?.operationId, name).toBe(name);
      expect(Object.keys(operation?.responses ?? {}), name).toContain(String(route.status));
      expect(operation?.requestBody !== undefined, name).toBe('request' in route);
      if (route.access === 'public') expect(operation?.security, name).toEqual([]);
    }
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(Object.keys(apiRoutes).length);
    expect(document.components.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
    });
  });

  it('still answers /healthz, /readyz and /metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('draftroom_ws_connections');
  });
});
