import { describe, expect, it } from 'vitest';
import { normalizeLinkHref } from './linkHref.ts';

describe('normalizeLinkHref', () => {
  it('keeps full web addresses', () => {
    expect(normalizeLinkHref(' https://example.org/a?b=1 ')).toBe('https://example.org/a?b=1');
    expect(normalizeLinkHref('http://localhost:3000/x')).toBe('http://localhost:3000/x');
  });

  it('adds https:// to bare addresses and mailto: to e-mail addresses', () => {
    expect(normalizeLinkHref('example.org/page')).toBe('https://example.org/page');
    expect(normalizeLinkHref('someone@example.org')).toBe('mailto:someone@example.org');
  });

  it('refuses unsafe schemes, empty input and things that are not addresses', () => {
    expect(normalizeLinkHref('javascript:alert(1)')).toBeNull();
    expect(normalizeLinkHref('data:text/html,hi')).toBeNull();
    expect(normalizeLinkHref('   ')).toBeNull();
    expect(normalizeLinkHref('not a link')).toBeNull();
  });
});
