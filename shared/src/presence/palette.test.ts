import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, relativeLuminance } from './contrast.ts';
import {
  colorAmong,
  colorForId,
  isReadableWithWhiteText,
  palette,
  paletteColorByHex,
  pickColor,
} from './palette.ts';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5);
    expect(relativeLuminance('#000000')).toBeCloseTo(0, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    // #767676 is the classic lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('accepts only #rrggbb colours', () => {
    expect(isHexColor('#1d4ed8')).toBe(true);
    expect(isHexColor('red')).toBe(false);
    expect(isHexColor('#fff')).toBe(false);
    expect(() => relativeLuminance('javascript:alert(1)')).toThrow();
  });
});

describe('palette', () => {
  it.each(palette)('$name carries white text at AA contrast', ({ hex }) => {
    expect(isReadableWithWhiteText(hex)).toBe(true);
  });

  it('has distinct names and colours', () => {
    expect(new Set(palette.map((c) => c.name)).size).toBe(palette.length);
    expect(new Set(palette.map((c) => c.hex)).size).toBe(palette.length);
  });

  it('pickColor covers the whole palette and clamps out-of-range input', () => {
    const picked = new Set(palette.map((_, i) => pickColor(i / palette.length).name));
    expect(picked.size).toBe(palette.length);
    expect(pickColor(0)).toBe(palette[0]);
    expect(pickColor(0.999999)).toBe(palette[palette.length - 1]);
    expect(pickColor(5)).toBe(palette[palette.length - 1]);
    expect(pickColor(-1)).toBe(palette[0]);
  });

  it('finds colours by hex regardless of case', () => {
    expect(paletteColorByHex('#1D4ED8')?.name).toBe('blue');
    expect(paletteColorByHex('#000000')).toBeUndefined();
  });
});

describe('colorForId', () => {
  it('gives the same id the same colour and spreads ids over the palette', () => {
    expect(colorForId('p_123')).toBe(colorForId('p_123'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorForId(`person-${i}`).name));
    expect(used.size).toBe(palette.length);
  });
});

describe('colorAmong', () => {
  const hexes = palette.map((colour) => colour.hex);
  it('keeps a person’s own colour when nobody here has it', () => {
    expect(colorAmong('#be185d', new Set(['#1d4ed8']))).toBe('#be185d');
  });

  it('gives the first free colour when their own is taken', () => {
    expect(colorAmong('#1d4ed8', new Set(['#1d4ed8', '#047857']))).toBe('#b91c1c');
  });

  it('gives everyone a different colour until the palette runs out', () => {
    const taken = new Set<string>();
    for (let i = 0; i < palette.length; i++) taken.add(colorAmong(hexes[0] ?? '', taken));
    expect(taken.size).toBe(palette.length);
    expect(colorAmong('#1d4ed8', taken)).toBe('#1d4ed8');
  });
});
