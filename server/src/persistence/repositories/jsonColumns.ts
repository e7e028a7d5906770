/**
 * Small JSON arrays kept in text columns (options, choices, items, dots): both SQLite and
 * PostgreSQL store text the same way. Only the services write them, but a row is still read
 * defensively: anything that is not an array of the expected values reads as empty.
 */
export function parseArray<T>(text: string, keep: (value: unknown) => value is T): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(keep) : [];
  } catch {
    return [];
  }
}

export const isString = (value: unknown): value is string => typeof value === 'string';
