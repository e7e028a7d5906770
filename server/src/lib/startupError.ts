/**
 * A reason not to start that the operator must fix (the database is used by another server,
 * read-only, damaged…). `main.ts` prints the message, which says what is wrong and what to do,
 * without a stack trace, and exits with status 1.
 */
export class StartupError extends Error {
  constructor(
    /** A stable word for logs and tests: `database_in_use`, `database_unwritable`, … */
    readonly problem: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
