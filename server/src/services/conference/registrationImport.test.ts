import { describe, expect, it } from 'vitest';
import type { GroupRecord } from '../../persistence/index.ts';
import { checkRegistrations, type RegistrationContext } from './registrationImport.ts';

const group: GroupRecord = {
  id: 'g1',
  sessionId: 's1',
  name: 'Open data',
  workingLanguage: 'en',
  capacity: 2,
  guideId: 'd1',
};

const context: RegistrationContext = {
  groups: [group],
  groupSizes: new Map([['g1', 1]]),
  knownEmails: new Set(['taken@example.org']),
  takesSeat: true,
};

describe('checkRegistrations', () => {
  it('accepts valid rows in any column order', () => {
    const check = checkRegistrations(
      'language,name,country,parliament,group,email\nFrench,Awa Diop,Sénégal,Assemblée nationale,open data,awa@example.org\n',
      context,
    );
    expect(check.fileErrors).toEqual([]);
    expect(check.valid).toEqual([
      {
        line: 2,
        displayName: 'Awa Diop',
        parliament: 'Assemblée nationale',
        country: 'SN',
        email: 'awa@example.org',
        preferredLanguage: 'fr',
        groupId: 'g1',
      },
    ]);
  });

  it('reports every problem of every row with its line and column', () => {
    const check = checkRegistrations(
      [
        'name,parliament,country,email,language,group',
        ',Senate,Narnia,not-an-email,German,Nowhere',
        'A,B,KE,taken@example.org,en,',
        'C,D,KE,c@example.org,en,Open data',
        'E,F,KE,c@example.org,en,Open data',
      ].join('\n'),
      context,
    );
    expect(check.valid.map((row) => row.line)).toEqual([4]);
    const byLine = new Map(check.rows.map((row) => [row.line, row.errors.map((e) => e.column)]));
    expect(byLine.get(2)).toEqual(['name', 'country', 'language', 'email', 'group']);
    expect(byLine.get(3)).toEqual(['email']);
    expect(byLine.get(5)).toEqual(['email', 'group']); // same email as line 4, and the group is full
    const codes = new Map(check.rows.map((row) => [row.line, row.errors.map((e) => e.code)]));
    expect(codes.get(2)).toEqual([
      'missing',
      'country_unknown',
      'language_unknown',
      'email_invalid',
      'group_unknown',
    ]);
    expect(check.rows.find((row) => row.line === 5)?.errors).toEqual([
      expect.objectContaining({ code: 'email_repeated', params: { line: 4 } }),
      expect.objectContaining({ code: 'group_full', params: { value: 'Open data', capacity: 2 } }),
    ]);
  });

  it('rejects a file without the required columns', () => {
    const check = checkRegistrations('name,email\nA,a@example.org', context);
    expect(check.fileErrors[0]).toMatchObject({
      code: 'missing_columns',
      params: { columns: 'parliament, country, language' },
    });
    expect(check.fileErrors[0]?.message).toMatch(/Missing columns: parliament, country, language/);
    expect(check.rows).toEqual([]);
  });
});

describe('names and parliaments in the file', () => {
  it('refuses control characters, direction overrides and invisible names, and stores NFC', () => {
    const check = checkRegistrations(
      [
        'name,parliament,country,language',
        '"Awa\u0007Diop",Senate,KE,en',
        'Evil\u202Egnp.exe,Senate,KE,en',
        '\u200B\u200B,"Senate\u0000",KE,en',
        'Jose\u0301 Martí,Asamblea\u2067,ES,es',
        'José Martí,Cámara de Diputados,ES,es',
      ].join('\n'),
      { ...context, groups: [] },
    );
    expect(check.rows.map((row) => row.errors.map((error) => [error.column, error.code]))).toEqual([
      [['name', 'control_character']],
      [['name', 'direction_control']],
      [
        ['name', 'no_visible_characters'],
        ['parliament', 'control_character'],
      ],
      [['parliament', 'direction_control']],
      [],
    ]);
    expect(check.rows[2]?.errors[0]?.message).toBe(
      'The name has no visible characters; type it with letters or numbers.',
    );
    expect(check.valid.map((row) => row.displayName)).toEqual(['José Martí']);
    expect(check.rows[3]?.name).toBe('José Martí'); // the combining accent, composed
  });
});
