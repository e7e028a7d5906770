import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@draftroom/shared';
import {
  importRequest,
  signInLinksCsv,
  stripByteOrderMark,
  summariseImport,
} from './importReport.ts';

const clean: ImportReport = {
  dryRun: true,
  valid: true,
  fileErrors: [],
  rows: [
    { line: 2, name: 'Ana', errors: [], groupId: null },
    { line: 3, name: 'Bo', errors: [], groupId: 'g1' },
  ],
  created: [],
};

describe('summariseImport', () => {
  it('offers the import only after a clean dry run with people in it', () => {
    expect(summariseImport(clean)).toEqual({
      rows: 2,
      validRows: 2,
      invalidRows: 0,
      canImport: true,
    });
    expect(summariseImport({ ...clean, rows: [] }).canImport).toBe(false);
    expect(summariseImport({ ...clean, dryRun: false }).canImport).toBe(false);
    expect(
      summariseImport({
        ...clean,
        valid: false,
        fileErrors: [
          {
            code: 'missing_columns',
            params: { columns: 'name' },
            message: 'Missing column: name.',
          },
        ],
      }).canImport,
    ).toBe(false);
  });

  it('counts the rows with problems', () => {
    const report = {
      ...clean,
      valid: false,
      rows: [
        ...clean.rows,
        {
          line: 4,
          name: '',
          errors: [
            { column: 'name', code: 'missing' as const, params: {}, message: 'The name is empty.' },
          ],
          groupId: null,
        },
      ],
    };
    expect(summariseImport(report)).toEqual({
      rows: 3,
      validRows: 2,
      invalidRows: 1,
      canImport: false,
    });
  });
});

describe('importRequest', () => {
  it('sends exactly what was checked, as a dry run first and for real second', () => {
    const checked = { csv: 'name,parliament\nAna,Senate', role: 'observer' as const };
    expect(importRequest(checked, true)).toEqual({ ...checked, dryRun: true });
    expect(importRequest(checked, false)).toEqual({ ...checked, dryRun: false });
  });
});

describe('stripByteOrderMark', () => {
  it('removes the mark spreadsheets write, and nothing else', () => {
    expect(stripByteOrderMark('\uFEFFname,country')).toBe('name,country');
    expect(stripByteOrderMark('name,country')).toBe('name,country');
  });
});

describe('signInLinksCsv', () => {
  const person = (displayName: string, email: string | null, parliament: string) => ({
    id: displayName,
    eventId: 'e',
    displayName,
    parliament,
    country: 'FR',
    role: 'participant' as const,
    preferredLanguage: 'fr' as const,
    email,
    parliamentConfirmed: true,
    scope: { type: 'event' as const, id: 'e' },
    groupIds: [],
  });

  it('lists each person with their full link, quoting what needs it', () => {
    const csv = signInLinksCsv(
      [
        {
          person: person('Claire Dubois', 'claire@an.example', 'Assemblée nationale'),
          joinPath: '/join/a',
        },
        { person: person('Omar "Al" Farsi', null, 'Majlis, Oman'), joinPath: '/join/b' },
      ],
      (path) => `https://draftroom.example${path}`,
    );
    expect(csv).toBe(
      'name,email,parliament,link\r\n' +
        'Claire Dubois,claire@an.example,Assemblée nationale,https://draftroom.example/join/a\r\n' +
        '"Omar ""Al"" Farsi",,"Majlis, Oman",https://draftroom.example/join/b\r\n',
    );
  });

  it('keeps a name that looks like a formula as text', () => {
    const csv = signInLinksCsv(
      [{ person: person('=HYPERLINK("x")', null, '+1'), joinPath: '/join/c' }],
      (path) => path,
    );
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",,'+1,/join/c`);
  });
});
