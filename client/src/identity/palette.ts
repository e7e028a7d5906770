import { contrastRatio } from './contrast.ts';

/**
 * Colours for people's badges and caret labels. Each carries white text, so each has at least
 * 4.5:1 contrast against white (checked by `palette.test.ts`). The name is a translation key so
 * the colour picker never relies on colour alone.
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
