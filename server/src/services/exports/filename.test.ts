import { describe, expect, it } from 'vitest';
import { exportFileName, fileNamePart } from './filename.ts';

describe('export file names', () => {
  it('name the event, the session and the group in lowercase ASCII', () => {
    expect(
      exportFileName(
        ['World e-Parliament Conference 2026', 'Séance plénière : ouverture', 'Group A'],
        'docx',
      ),
    ).toBe('world-e-parliament-conference-2026-seance-pleniere-ouverture-group-a.docx');
  });

  it('transliterate Arabic rather than dropping it', () => {
    expect(fileNamePart('المجموعة ب')).toBe('almjmwa-b');
    expect(fileNamePart('الشفافية ٢٠٢٦')).toBe('alshfafya-2026');
  });

  it('keep nothing a file system or a header could misread', () => {
    const name = exportFileName(['../../etc/passwd', 'a"b\r\nX-Evil: 1', '\u202Egnp.exe'], 'pdf');
    expect(name).toMatch(/^[a-z0-9-]+\.pdf$/);
    expect(name).toBe('etc-passwd-a-b-x-evil-1-gnp-exe.pdf');
  });

  it('drop empty parts and fall back to a plain name', () => {
    expect(exportFileName(['Event', null, '!!!'], 'md')).toBe('event.md');
    expect(exportFileName(['🙂', '—'], 'html')).toBe('export.html');
  });

  it('stay short', () => {
    expect(fileNamePart('x'.repeat(100))).toHaveLength(40);
    expect(fileNamePart(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
  });
});
