/**
 * Forms are checked in the browser first, with translated messages (the shared schemas' messages
 * are English, for the API). Each key is `organiser.validation.<key>` in the locale files.
 */
export type ValidationKey =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidDateTime'
  | 'skippedTime'
  | 'endBeforeStart'
  | 'lastDayBeforeFirst'
  | 'unknownTimeZone'
  | 'noLanguage'
  | 'wholeNumber'
  | 'outOfRange'
  | 'notInFuture'
  | 'chooseSession'
  | 'chooseGroup'
  | 'invalidFile'
  | 'controlCharacter'
  | 'directionControl'
  | 'noVisibleCharacters'
  | 'invalidEmail'
  | 'templateTooLong';

/**
 * Problems a feature words in its own locale namespace, by their full key
 * (`registration.validation.duplicateEmail`), for checks no other form has.
 */
export type FeatureValidationKey =
  | `registration.validation.${'duplicateEmail' | 'tooManyDelegates'}`
  | `library.validation.${'invalidUrl' | 'tooManyLinks'}`;

export interface Problem {
  key: ValidationKey | FeatureValidationKey;
  /** Placeholders of the message ({{max}}, {{min}}, {{zone}}). */
  values?: Record<string, string | number>;
}

/**
 * A problem per field. `FieldProblem` is how a form describes one: most forms use `Problem`; the
 * profile form has its own messages per field (`ProfileErrors`).
 */
export type Problems<Field extends string, FieldProblem = Problem> = Partial<
  Record<Field, FieldProblem>
>;

/** A form's values become either the request the API expects, or a problem per field. */
export type Mapped<Request, Field extends string, FieldProblem = Problem> =
  { ok: true; request: Request } | { ok: false; problems: Problems<Field, FieldProblem> };
