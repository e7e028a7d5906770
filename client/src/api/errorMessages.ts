import { apiErrorCodes, type ApiErrorCode } from '@draftroom/shared';
import organiserStrings from '../i18n/locales/organiser/en.json';
import { ApiRequestError, type ClientErrorCode } from './client.ts';

/**
 * The one map from an API error to the message shown for it. Every code the server documents
 * (`apiErrorCodes` in shared) and every code the client adds has a message under `errors.api.*`;
 * the typed `t()` fails the typecheck if a new shared code has none in English.
 *
 * The organiser screens word some failures for the task at hand ("check the highlighted fields")
 * under `organiser.errors.*`; `ErrorNotice` picks that wording inside the organiser area (see
 * `ErrorWordingProvider`). A code without an organiser sentence gets the generic one there.
 */
export type ErrorWording = 'general' | 'organiser';

/** The codes the client adds, as a record so that a new `ClientErrorCode` cannot be left out. */
const clientCodes = { network_error: true, invalid_response: true } satisfies Record<
  ClientErrorCode,
  true
>;
type GeneralCode = ApiErrorCode | ClientErrorCode;
const generalCodes: readonly GeneralCode[] = [
  ...apiErrorCodes,
  ...(Object.keys(clientCodes) as ClientErrorCode[]),
];

/**
 * The codes the organiser screens word for themselves: those with a sentence under
 * `organiser.errors` in the (reference) English organiser strings. Every other code shows that
 * wording's `unknown` there.
 */
type OrganiserCode = Extract<keyof typeof organiserStrings.errors, GeneralCode>;
const organiserCodes: readonly OrganiserCode[] = generalCodes.filter(
  (code): code is OrganiserCode => Object.hasOwn(organiserStrings.errors, code),
);

export type ApiErrorMessageKey = `errors.api.${GeneralCode | 'unknown'}`;
/** `organiser.errors.<key>`: what went wrong and what to do, in the interface's language. */
export type ApiErrorKey = OrganiserCode | 'unknown';

function isOneOf<Code extends string>(codes: readonly Code[], code: string): code is Code {
  return (codes as readonly string[]).includes(code);
}

/**
 * The translation key of a message that says what to do next. Unknown codes (a newer server) get
 * a generic message rather than the server's English text.
 */
export function apiErrorMessageKey(code: string): ApiErrorMessageKey {
  return isOneOf(generalCodes, code) ? `errors.api.${code}` : 'errors.api.unknown';
}

export interface DescribedApiError {
  /** The organiser wording's key, under `organiser.errors.*`. */
  key: ApiErrorKey;
  /**
   * The server's own sentence, when it says something the code alone cannot ("this session still
   * has 3 groups"). It is English: the UI shows it marked as such, after the translated message.
   */
  serverMessage: string | null;
}

/** Codes whose server message carries specifics worth showing. */
const specificCodes: readonly string[] = ['conflict', 'validation_failed', 'forbidden'];

/** A failure in the organiser wording, with the server's specifics where it gave some. */
export function describeApiError(error: unknown): DescribedApiError {
  if (!(error instanceof ApiRequestError)) return { key: 'unknown', serverMessage: null };
  const key = isOneOf(organiserCodes, error.code) ? error.code : 'unknown';
  const serverMessage =
    specificCodes.includes(error.code) && error.message.trim() !== '' ? error.message : null;
  return { key, serverMessage };
}

/**
 * The server's field-level messages ("endsAt: The session must end after it starts."), keyed by
 * the form field they belong to (the first segment of the path: `scope.id` → `scope`).
 */
export function serverFieldMessages<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const messages: Partial<Record<Field, string>> = {};
  if (!(error instanceof ApiRequestError)) return messages;
  for (const detail of error.details) {
    const field = fields.find((name) => name === detail.path.split('.')[0]);
    if (field && messages[field] === undefined) messages[field] = detail.message;
  }
  return messages;
}
