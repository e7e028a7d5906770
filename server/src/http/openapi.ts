import { z } from 'zod';
import { apiErrorSchema, apiRoutes, sessionCookieName, type ApiRoute } from '@draftroom/shared';

const errorStatuses: Record<string, string> = {
  '400': 'The body or a parameter is not valid (`validation_failed`, `invalid_json`).',
  '401': 'Not signed in, or the sign-in was revoked (`unauthenticated`).',
  '403': "The caller's role does not allow this (`forbidden`).",
  '404': 'Not found, or in another event (`not_found`, `invite_invalid`).',
  '409': 'Clashes with the current state (`conflict`).',
  '410': 'The invite link expired, was revoked or is used up.',
  '429': 'Too many attempts (`rate_limited`).',
};

const schema = (type: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** A query schema's fields as OpenAPI query parameters. */
function queryParameters(query: z.ZodType) {
  const json = schema(query, 'input') as {
    properties?: Record<string, object>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * The OpenAPI 3 document, generated from the shared route table and zod schemas, so it cannot
 * drift from what the server validates and the client parses.
 */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const [name, route] of Object.entries(apiRoutes) as [string, ApiRoute][]) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters: object[] = [...route.path.matchAll(/:(\w+)/g)].map(([, parameter]) => ({
      name: parameter,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) parameters.push(...queryParameters(route.query));
    const responses: Record<string, object> = {
      [route.status]: route.download
        ? {
            description: 'The file, as an attachment named in Content-Disposition',
            content: {
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            },
          }
        : route.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: schema(route.response, 'output') } },
            }
          : { description: 'Success, no content' },
    };
    for (const [status, description] of Object.entries(errorStatuses)) {
      if (route.access === 'public' && (status === '401' || status === '403')) continue;
      responses[status] = {
        description,
        content: { 'application/json': { schema: schema(apiErrorSchema, 'output') } },
      };
    }
    (paths[path] ??= {})[route.method] = {
      operationId: name,
      summary: route.summary,
      'x-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters,
      ...(route.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(route.request, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Draftroom API',
      version: '1',
      description:
        'The conference workspace: programme, breakout groups, people, invites. Sign in by joining with an invite link; the session is an httpOnly cookie.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } },
    },
    security: [{ session: [] }],
    paths,
  };
}
