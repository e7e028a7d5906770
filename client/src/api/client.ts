import type { z } from 'zod';
import { apiErrorSchema } from '@draftroom/shared';

/** Codes the client adds to the server's own (`apiErrorCodes` in shared) for failures it detects. */
export type ClientErrorCode = 'network_error' | 'invalid_response';

/**
 * Every failed API call ends up as this error, whatever went wrong: the server's error body, a
 * network failure, or a response that does not match the shared schema.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error a failed response stands for: the server's own, or what the client saw. */
function errorOf(response: Response, body: unknown): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiRequestError(response.status, code, message, details);
  }
  return new ApiRequestError(response.status, 'invalid_response', `HTTP ${response.status}`);
}

/**
 * A file the server sends as an attachment (an export), as a Blob with the name the server gave
 * it; a refusal comes back as the same `ApiRequestError` as every other call.
 */
export async function requestFile(
  path: string,
  signal?: AbortSignal,
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', signal });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiRequestError(0, 'network_error', String(error));
  }
  if (!response.ok) throw errorOf(response, await readJson(response));
  return { blob: await response.blob(), filename: attachmentName(response) };
}

/**
 * The file name of `Content-Disposition: attachment; filename=…`, quoted or not (ours are plain
 * ASCII, so there is no `filename*` to prefer).
 */
function attachmentName(response: Response): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(header)?.[1] ?? 'export';
}

/**
 * The transport under `callApi` (which screens use): one request, its body parsed with the given
 * zod schema, so a server that drifts from the contract fails loudly here instead of deep inside
 * a component.
 */
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiRequestError(0, 'network_error', String(error));
  }

  const body = await readJson(response);
  if (!response.ok) throw errorOf(response, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, 'invalid_response', parsed.error.message);
  }
  return parsed.data;
}
