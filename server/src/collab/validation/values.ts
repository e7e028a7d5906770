import { isSafeLinkHref } from '@draftroom/shared/editor';

/**
 * Attribute values (node attributes, mark attributes) a guide may hold. The editor writes small
 * JSON values: numbers (heading level, colspan), short strings (a link's href, a language), null,
 * and arrays of numbers (column widths). Anything else is refused, as is a link to a script.
 */
const maxValueBytes = 4096;
const maxDepth = 3;

export function attributeValueProblem(name: string, value: unknown): string | null {
  if (!isSmallJson(value, 0)) return `attribute "${name}" holds a value a guide cannot have`;
  if (JSON.stringify(value).length > maxValueBytes) return `attribute "${name}" is too long`;
  if (name === 'href' && typeof value === 'string' && !isSafeLinkHref(value)) {
    return 'a link points to a script';
  }
  return null;
}

/** A mark's formatting value: null ends the mark; otherwise an object of its known attributes. */
export function formatValueProblem(
  markName: string,
  allowed: ReadonlySet<string>,
  value: unknown,
): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return `mark "${markName}" has a value that is not an object`;
  }
  for (const [name, attribute] of Object.entries(value as Record<string, unknown>)) {
    if (!allowed.has(name)) return `mark "${markName}" has no attribute "${name}"`;
    const problem = attributeValueProblem(name, attribute);
    if (problem) return problem;
  }
  return null;
}

function isSmallJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= maxDepth || typeof value !== 'object') return false;
  if (Array.isArray(value))
    return value.length <= 64 && value.every((v) => isSmallJson(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const entries = Object.entries(value);
  return entries.length <= 16 && entries.every(([, v]) => isSmallJson(v, depth + 1));
}
