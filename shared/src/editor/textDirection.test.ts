import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection.ts';

describe('textDirection', () => {
  it('follows the first strong letter, as dir="auto" does', () => {
    expect(textDirection('توزيع الأدوار')).toBe('rtl');
    expect(textDirection('1. (توزيع) roles')).toBe('rtl');
    expect(textDirection('1. Roles توزيع')).toBe('ltr');
    expect(textDirection('שלום')).toBe('rtl');
    expect(textDirection('Élan')).toBe('ltr');
  });

  it('has no direction without a letter', () => {
    expect(textDirection('')).toBeNull();
    expect(textDirection('12 – 3')).toBeNull();
  });
});
