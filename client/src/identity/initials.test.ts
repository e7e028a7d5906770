import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Jean-Luc de la Tour')).toBe('JT');
    expect(initials('  grace   hopper ')).toBe('GH');
  });

  it('uses one letter for a single word', () => {
    expect(initials('Ada')).toBe('A');
  });

  it('keeps accents and non-Latin scripts whole', () => {
    expect(initials('Élodie Ürün')).toBe('ÉÜ');
    expect(initials('فاطمة الزهراء')).toBe('فا');
    expect(initials('e\u0301mile zola')).toBe('E\u0301Z');
  });

  it('returns a placeholder for empty names', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
  });
});
