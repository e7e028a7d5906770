import { contrastRatio } from './contrast.ts';

/**
 * Colours for people's badges and caret labels. Each carries white text, so each has at least
 * 4.5:1 contrast against white (checked by `palette.test.ts`). Names are for tests and debugging;
 * people are told apart by name and initials, never by colour alone.
 */
export const palette = [
  { name: 'blue', hex: '#1d4ed8' },
  { name: 'green', hex: '#047857' },
  { name: 'red', hex: '#b91c1c' },
  { name: 'purple', hex: '#7e22ce' },
  { name: 'orange', hex: '#c2410c' },
  { name: 'teal', hex: '#0f766e' },
  { name: 'pink', hex: '#be185d' },
  { name: 'indigo', hex: '#4338ca' },
  { name: 'olive', hex: '#4d7c0f' },
  { name: 'grey', hex: '#57534e' },
] as const;

export type PaletteColor = (typeof palette)[number];
export type PaletteColorName = PaletteColor['name'];

export const minimumTextContrast = 4.5;

/** Picks a palette colour from a number in [0, 1), e.g. `Math.random()`. */
export function pickColor(random: number): PaletteColor {
  const index = Math.min(palette.length - 1, Math.max(0, Math.floor(random * palette.length)));
  return palette[index] ?? palette[0];
}

/** True when white text on `hex` meets WCAG AA for normal text. */
export function isReadableWithWhiteText(hex: string): boolean {
  return contrastRatio(hex, '#ffffff') >= minimumTextContrast;
}

export function paletteColorByHex(hex: string): PaletteColor | undefined {
  return palette.find((color) => color.hex.toLowerCase() === hex.toLowerCase());
}

/**
 * A person's colour, from their id (FNV-1a hash): stable across tabs and devices, and spread
 * evenly enough that a small group rarely shares one.
 */
export function colorForId(id: string): PaletteColor {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return palette[hash % palette.length] ?? palette[0];
}

/**
 * The colour for someone arriving in a guide: their own (from their id) if nobody there has it,
 * else the first palette colour nobody there has; when all are taken, their own again (names and
 * initials still tell people apart).
 */
export function colorAmong(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred)) return preferred;
  return palette.find((colour) => !taken.has(colour.hex))?.hex ?? preferred;
}
