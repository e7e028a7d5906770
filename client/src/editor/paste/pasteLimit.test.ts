import { describe, expect, it } from 'vitest';
import { limits } from '@draftroom/shared';
import { isPasteTooLarge, maxPasteBytes } from './pasteLimit.ts';

describe('isPasteTooLarge', () => {
  it('is half of the server message limit', () => {
    expect(maxPasteBytes).toBe(limits.maxMessageBytes / 2);
  });

  it('accepts ordinary pastes', () => {
    expect(isPasteTooLarge({ text: 'hello', html: '<p>hello</p>' })).toBe(false);
    expect(isPasteTooLarge({ text: 'a'.repeat(maxPasteBytes), html: '' })).toBe(false);
  });

  it('refuses text or HTML over the limit', () => {
    expect(isPasteTooLarge({ text: 'a'.repeat(maxPasteBytes + 1), html: '' })).toBe(true);
    expect(isPasteTooLarge({ text: 'short', html: 'a'.repeat(maxPasteBytes + 1) })).toBe(true);
  });

  it('counts bytes, not characters: Arabic takes two bytes a letter', () => {
    const arabic = 'ب'.repeat(maxPasteBytes / 2 + 1);
    expect(arabic.length).toBeLessThan(maxPasteBytes);
    expect(isPasteTooLarge({ text: arabic, html: '' })).toBe(true);
  });
});
