import { describe, expect, it } from 'vitest';
import { cleanText, personText, textProblem, textProblemOf } from './personText.ts';
import { updateEventRequestSchema } from './event.ts';
import { groupInputSchema } from './group.ts';
import { createInviteRequestSchema } from './invite.ts';
import { profileSchema } from './person.ts';
import { sessionInputSchema } from './session.ts';

const name = personText('Your name', 80);

describe('textProblem', () => {
  it.each([
    ['NUL', 'Awa\u0000Diop', 'control_character'],
    ['BEL', 'Awa\u0007', 'control_character'],
    ['escape', '\u001b[31mAwa', 'control_character'],
    ['DEL', 'Awa\u007f', 'control_character'],
    ['a C1 control', 'Awa\u0085Diop', 'control_character'],
    ['a line break', 'Awa\nDiop', 'control_character'],
    ['a tab', 'Awa\tDiop', 'control_character'],
    ['a line separator', 'Awa\u2028Diop', 'control_character'],
    ['an unpaired surrogate', 'Awa\ud800', 'control_character'],
    ['a right-to-left override', 'gpj.\u202Eexe', 'direction_control'],
    ['a left-to-right embedding', '\u202AAwa\u202C', 'direction_control'],
    ['a first-strong isolate', '\u2068Awa\u2069', 'direction_control'],
    ['a right-to-left isolate', 'Awa\u2067', 'direction_control'],
    ['zero-width spaces only', '\u200B\u200B', 'no_visible_characters'],
    ['joiners and marks only', '\u200D\u200C\u200E\u200F\u2060\uFEFF', 'no_visible_characters'],
    ['a Hangul filler', '\u3164', 'no_visible_characters'],
    ['a blank braille pattern', '\u2800', 'no_visible_characters'],
    ['combining marks with nothing to sit on', '\u0301\u0301', 'no_visible_characters'],
  ])('refuses %s', (_what, value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });

  it.each([
    ['a Latin name with accents', 'Tomás Herrera'],
    ['an Arabic name', 'ليلى حداد'],
    ['Arabic and Latin with a right-to-left mark to place the bracket', 'مجلس الشورى\u200F (Oman)'],
    ['a left-to-right mark', 'Jane\u200E Doe'],
    ['a Persian name with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['an emoji with a zero-width joiner', 'Team 👩\u200D💻'],
    ['a Devanagari name', 'लोक सभा'],
    ['an apostrophe and a hyphen', 'Saint-Exupéry O’Neil'],
    ['a single symbol', '★'],
  ])('accepts %s', (_what, value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  it('allows line breaks and tabs in multi-line text, but no other control character', () => {
    expect(textProblem('Line one\r\n\tLine two', { multiline: true })).toBeUndefined();
    expect(textProblem('Line one\u0000', { multiline: true })).toBe('control_character');
    expect(textProblem('Line \u202E one', { multiline: true })).toBe('direction_control');
  });
});

describe('personText', () => {
  it('normalises to NFC and trims', () => {
    // "é" as e + combining acute becomes the one precomposed character.
    expect(name.parse('  Jose\u0301 ')).toBe('José');
    expect(cleanText('  Jose\u0301 ')).toBe('José');
    expect(name.parse('Ｊａｎｅ')).toBe('Ｊａｎｅ'); // NFC, not NFKC: full-width letters are kept
  });

  it('says what is wrong, naming the field', () => {
    const messages = (value: string) =>
      name.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(messages('')).toEqual(['Your name is required.']);
    expect(messages('Awa\u0000')).toEqual([
      'Your name contains a control character (such as a line break, a tab or NUL); remove it.',
    ]);
    expect(messages('\u202Eawa')).toEqual([
      'Your name contains an invisible character that changes the direction of the text (U+202A–U+202E or U+2066–U+2069); remove it.',
    ]);
    expect(messages(' \u200B ')).toEqual([
      'Your name has no visible characters; type it with letters or numbers.',
    ]);
    const [issue] = name.safeParse('Awa\u0000').error?.issues ?? [];
    expect(issue && textProblemOf(issue)).toBe('control_character');
  });

  it('counts the limit after normalising', () => {
    expect(personText('Name', 3).safeParse('e\u0301e\u0301e\u0301').success).toBe(true);
    expect(personText('Name', 3).maxLength).toBe(3);
  });

  it('lets optional text be empty, but not invisible', () => {
    const label = personText('The label', 120, { optional: true });
    expect(label.parse('  ')).toBe('');
    expect(label.safeParse('\u200B').success).toBe(false);
  });
});

describe('every schema that takes text a person types', () => {
  const bad = 'Evil\u202Egnp.exe';
  const profile = {
    displayName: 'Awa',
    parliament: 'Sénat',
    country: 'SN',
    preferredLanguage: 'fr',
  };
  const session = {
    title: 'Opening',
    description: '',
    kind: 'co-creation',
    audience: [],
    startsAt: '2021-06-16T12:00:00Z',
    endsAt: '2021-06-16T13:00:00Z',
    languages: ['en'],
  };
  const event = {
    name: 'Conference',
    startsOn: '2021-06-16',
    endsOn: '2021-06-18',
    timeZone: 'UTC',
    languages: ['en'],
  };
  const invite = {
    role: 'participant',
    scope: { type: 'event', id: 'abcdefghijklmnop' },
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    maxUses: 1,
  };
  it.each([
    ['display name', profileSchema, { ...profile, displayName: bad }],
    ['parliament', profileSchema, { ...profile, parliament: bad }],
    ['session title', sessionInputSchema, { ...session, title: bad }],
    ['session description', sessionInputSchema, { ...session, description: bad }],
    ['event name', updateEventRequestSchema, { ...event, name: bad }],
    ['group name', groupInputSchema, { name: bad, workingLanguage: 'en', capacity: 5 }],
    ['invite label', createInviteRequestSchema, { ...invite, label: bad }],
  ] as const)('refuses it in the %s', (_field, schema, input) => {
    const issues = schema.safeParse(input).error?.issues ?? [];
    expect(issues.map(textProblemOf)).toEqual(['direction_control']);
  });
});
