import { describe, expect, it } from 'vitest';
import { compareUrl, readCompareParams } from './compareUrl.ts';

describe('the compare page address', () => {
  it('names both guides, and the mode only when it is not the default', () => {
    expect(compareUrl('gA', 'gB')).toBe('/compare?left=gA&right=gB');
    expect(compareUrl('gA', 'gB', 'differences')).toBe(
      '/compare?left=gA&right=gB&mode=differences',
    );
  });

  it('reads back what it wrote, and anything unknown as the default', () => {
    const read = (url: string) => readCompareParams(new URL(url, 'http://x').searchParams);
    expect(read(compareUrl('gA', 'gB', 'differences'))).toEqual({
      left: 'gA',
      right: 'gB',
      mode: 'differences',
    });
    expect(read('/compare?mode=sideways')).toEqual({ left: '', right: '', mode: 'side-by-side' });
    // Ids are passed on as they are: the server refuses one that cannot name a guide (404).
    expect(read('/compare?left=a%26b&right=%3Cx%3E').left).toBe('a&b');
  });
});
