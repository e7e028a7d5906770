import type { z } from 'zod';
import type { ApiRouteName, apiRoutes } from './routes.ts';

/**
 * The types the route table gives each route (`apiRoutes` in `routes.ts`): parameters, body,
 * query and answer, derived from its path and schemas so server, client and tests agree.
 */

/** The `:name` parameters of a path: `'/groups/:groupId/members/:personId'` → `'groupId' | 'personId'`. */
type PathParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's path parameters, each a string (the router has already checked their format). */
export type RouteParams<Name extends ApiRouteName> = Record<
  PathParamNames<(typeof apiRoutes)[Name]['path']>,
  string
>;

/** A route's request body after validation, or `undefined` for a route without one. */
export type RouteBody<Name extends ApiRouteName> = (typeof apiRoutes)[Name] extends {
  request: infer Schema extends z.ZodType;
}
  ? z.output<Schema>
  : undefined;

/** A route's query parameters after validation, or `undefined` for a route without them. */
export type RouteQuery<Name extends ApiRouteName> = (typeof apiRoutes)[Name] extends {
  query: infer Schema extends z.ZodType;
}
  ? z.output<Schema>
  : undefined;

/** What a download route answers with: the bytes, their type and the name to save them under. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What a route answers with: the input of its response schema, a file, or nothing for 204. */
export type RouteResponse<Name extends ApiRouteName> = (typeof apiRoutes)[Name] extends {
  download: true;
}
  ? DownloadFile
  : (typeof apiRoutes)[Name]['response'] extends infer Schema extends z.ZodType
    ? z.input<Schema>
    : void;
