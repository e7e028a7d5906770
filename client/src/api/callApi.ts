import { z } from 'zod';
import { apiPath, apiRoutes, type ApiRouteName, type RouteParams } from '@draftroom/shared';
import { requestFile, requestJson } from './client.ts';

type RouteOf<Name extends ApiRouteName> = (typeof apiRoutes)[Name];

/**
 * What a call resolves to: the route's response after the shared schema parsed it (defaults
 * filled in), or nothing for a 204. The route table's `RouteResponse` is the schema's input, which
 * is what the server writes; the client reads the parsed output.
 */
export type ApiResult<Name extends ApiRouteName> =
  RouteOf<Name>['response'] extends infer Schema extends z.ZodType ? z.output<Schema> : void;

/** The body a route takes, as the caller writes it (the schema's input), if it takes one. */
export type ApiBody<Name extends ApiRouteName> =
  RouteOf<Name> extends {
    request: infer Schema extends z.ZodType;
  }
    ? z.input<Schema>
    : undefined;

type QueryOf<Name extends ApiRouteName> =
  RouteOf<Name> extends { query: infer Schema extends z.ZodType } ? z.input<Schema> : undefined;

/**
 * Options of a call, each present only where the route needs it: `params` for a path with
 * `:names`, `body` for a route with a request schema, `query` for one with a query schema. A route without either takes no options
 * (or only a `signal`), so `callApi('programme')` reads as plainly as it is.
 */
export type CallOptions<Name extends ApiRouteName> = { signal?: AbortSignal } & ([
  keyof RouteParams<Name>,
] extends [never]
  ? { params?: undefined }
  : { params: RouteParams<Name> }) &
  (ApiBody<Name> extends undefined ? { body?: undefined } : { body: ApiBody<Name> }) &
  (QueryOf<Name> extends undefined ? { query?: undefined } : { query: QueryOf<Name> });

type CallArgs<Name extends ApiRouteName> =
  object extends CallOptions<Name> ? [options?: CallOptions<Name>] : [options: CallOptions<Name>];

/** 204 No Content has no body: `requestJson` reads it as `undefined`. */
const noContent = z.undefined();

/**
 * Calls any route of the shared table (`apiRoutes`) by its name. Method, path, parameter names,
 * body and response type all come from the table, and the answer is parsed with the route's
 * own response schema: a route added there is callable here at once, with no wrapper to write.
 *
 * @example const group = await callApi('getGroup', { params: { groupId }, signal });
 */
export function callApi<Name extends ApiRouteName>(
  name: Name,
  ...[options]: CallArgs<Name>
): Promise<ApiResult<Name>> {
  const route: { method: string; response: z.ZodType | null } = apiRoutes[name];
  const schema = (route.response ?? noContent) as z.ZodType<ApiResult<Name>>;
  const query = options?.query
    ? `?${new URLSearchParams(options.query as Record<string, string>).toString()}`
    : '';
  return requestJson(`${apiPath(name, options?.params ?? {})}${query}`, schema, {
    method: route.method.toUpperCase(),
    body: options?.body,
    signal: options?.signal,
  });
}

/** The routes that answer with a file. */
type DownloadRouteName = {
  [Name in ApiRouteName]: RouteOf<Name> extends { download: true } ? Name : never;
}[ApiRouteName];

/**
 * Fetches a file route (an export) and hands it to the browser to save under the server's name.
 * Failures arrive as the usual `ApiRequestError`, so the page can say why in the person's words.
 */
export async function downloadApi<Name extends DownloadRouteName>(
  name: Name,
  options: { params: RouteParams<Name>; query?: QueryOf<Name>; signal?: AbortSignal },
): Promise<string> {
  const query = options.query
    ? `?${new URLSearchParams(options.query as Record<string, string>).toString()}`
    : '';
  const { blob, filename } = await requestFile(
    `${apiPath(name, options.params)}${query}`,
    options.signal,
  );
  saveBlob(blob, filename);
  return filename;
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the time the click returns; the URL can go a bit later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
