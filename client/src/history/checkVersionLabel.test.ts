import { describe, expect, it } from 'vitest';
import { saveVersionRequestSchema } from '@draftroom/shared';
import { checkVersionLabel } from './SaveVersionForm.tsx';

// The browser refuses exactly what the server refuses, so a person never meets the server's
// English message for a label they typed.
describe('checkVersionLabel', () => {
  it.each([
    'After the first round',
    '  trimmed  ',
    'بعد الجولة الأولى',
    '',
    '   ',
    'x'.repeat(120),
    'x'.repeat(121),
    'a\u0000b',
    'line\nbreak',
    'evil\u202Egnp.exe',
    '\u200B\u200B',
    'e\u0301',
  ])('agrees with the server on %j', (label) => {
    const browser = checkVersionLabel({ label });
    const server = saveVersionRequestSchema.safeParse({ label });
    expect(browser.ok).toBe(server.success);
    if (browser.ok && server.success) expect(browser.request).toEqual(server.data);
  });
});
