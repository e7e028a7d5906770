import { seededRandom } from './hostileFrames.ts';

/**
 * Request bodies bent out of shape from a valid one, for the REST body fuzz (bodyFuzz.test.ts):
 * each field swapped for a value of another type or size, dropped, duplicated into an unknown
 * key, text laced with controls and direction overrides, numbers out of range or not integers,
 * arrays emptied or blown up, and the whole body replaced by something that is not an object.
 * Seeded, so a failure replays.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const oddValues: Json[] = [
  null,
  true,
  0,
  -1,
  1e9,
  1.5,
  -0.5,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  '0',
  'x'.repeat(100_000),
  [],
  {},
  ['a'],
  [0, 0, 0],
  { nested: { deeper: [1, 'two', null] } },
];

/** Text a person could not type (or should not be able to): controls, overrides, invisibles. */
const oddTexts = [
  'Hidden \u202Eevil',
  '\u2066isolated\u2069',
  'Bell \u0007',
  'NUL \u0000',
  '\u200B\u200B',
  '\u3164',
  'line\u2028separator',
  '\uD800 lone surrogate',
  '=HYPERLINK("http://evil","x")',
  '<script>alert(1)</script>',
];

export function hostileBodies(valid: Record<string, Json>, seed: number, count: number): Json[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const keys = Object.keys(valid);
  const mutations: Array<() => Json> = [
    () => ({ ...valid, [pick(keys)]: pick(oddValues) }),
    () => ({ ...valid, [pick(keys)]: pick(oddTexts) }),
    () => {
      const body = { ...valid };
      delete body[pick(keys)];
      return body;
    },
    () => ({ ...valid, [`${pick(keys)}X`]: pick(oddValues) }),
    () => ({ ...valid, constructor: { prototype: { admin: true } } }),
    () => {
      // Inside an array field: an element of the wrong kind, or the array blown up.
      const arrays = keys.filter((key) => Array.isArray(valid[key]));
      if (arrays.length === 0) return { ...valid, [pick(keys)]: [pick(oddValues)] };
      const key = pick(arrays);
      const items = [...(valid[key] as Json[])];
      if (random() < 0.3) return { ...valid, [key]: Array<Json>(10_000).fill(items[0] ?? 0) };
      items[Math.floor(random() * Math.max(1, items.length))] =
        random() < 0.5 ? pick(oddValues) : pick(oddTexts);
      return { ...valid, [key]: items };
    },
    () => pick<Json>([null, [], 'a body', 42, [valid], true]),
    () => {
      let deep: Json = valid;
      for (let level = 0; level < 500; level++) deep = { [pick(keys)]: deep };
      return deep;
    },
  ];
  return Array.from({ length: count }, () => pick(mutations)());
}
