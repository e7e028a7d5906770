import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { resources } from './index.ts';
import { supportedLanguages, type SupportedLanguage } from './languages.ts';

/**
 * Every language is complete: the same keys as English (each plural in the forms its language
 * needs), the same placeholders, and nothing left in English except what is listed here.
 */

/**
 * Strings that may equal the English one, and why. Key names only; `toolbar.*.keys` matches
 * every toolbar button.
 */
const sameAsEnglish: Record<Exclude<SupportedLanguage, 'en'>, readonly string[]> = {
  fr: [
    // "Programme" is the French word too.
    'nav.programme',
    'programme.title',
    // The usual French glyph for italique is also "I".
    'toolbar.italic.glyph',
    'organiser.common.actions', // "Actions" (a table column) is the French word too.
    // "Minutes", "Message" and "Guide" (console labels) are the French words too.
    'console.minutes',
    'console.announcement',
    'console.state',
    // "Format" is the French word too; "Markdown" is the format's name (Arabic writes it out).
    'exports.format',
    'exports.formats.md.label',
    // "Europe" (a region of the registrations) is the French word too.
    'registration.regions.EU',
  ],
  // "Markdown" is the format's name in Spanish too; "Asia" (a region) is the Spanish word too.
  es: ['exports.formats.md.label', 'registration.regions.AS'],
  ar: [],
};
const sameAsEnglishEverywhere = [
  // Format and paper names: "PDF", "Word (DOCX)" (a product name), "A4" (an ISO paper size).
  'exports.formats.pdf.label',
  'exports.formats.docx.label',
  'exports.pageSizes.A4',
  // Only placeholders: "3 (2)", people and their parliaments, numbers already localised.
  'dashboard.contributorsCell',
  // The product's name, and a title that is only the page name plus the product's name.
  'app.name',
  'app.documentTitle',
  // `aria-keyshortcuts` values are key names from the UI Events spec, never translated.
  'toolbar.*.keys',
  // Symbols, not words.
  'review.moved',
  'toolbar.bulletList.glyph',
  'toolbar.orderedList.glyph',
  'toolbar.superscript.glyph',
  'toolbar.subscript.glyph',
  // An example address (example.org is reserved for examples; a translated domain is not).
  'toolbar.linkForm.placeholder',
  // Only placeholders in brackets: a template's name and its language ("Guide (French)").
  'organiser.sessionForm.templateOption',
];

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Strings = Map<string, string>;

function flatten(value: unknown, prefix = '', into: Strings = new Map()): Strings {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    throw new Error(`${prefix} is neither a string nor an object`);
  }
  return into;
}

function stringsOf(language: SupportedLanguage): Strings {
  return flatten(resources[language].translation);
}

/** Key without its plural suffix → the plural forms present ([] for an ordinary key). */
function keyShapes(strings: Strings): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  for (const key of strings.keys()) {
    const match = pluralSuffix.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = shapes.get(base) ?? [];
    if (match?.[1]) forms.push(match[1]);
    shapes.set(base, forms);
  }
  return shapes;
}

/** `{{count, number}}` → "count"; the format part may differ only if a test says so. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function allowedSame(language: Exclude<SupportedLanguage, 'en'>, key: string): boolean {
  const patterns = [...sameAsEnglishEverywhere, ...sameAsEnglish[language]];
  return patterns.some((pattern) => {
    const regex = new RegExp(`^${pattern.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`);
    return regex.test(key);
  });
}

const english = stringsOf('en');
const englishShapes = keyShapes(english);
const others = supportedLanguages.filter(
  (language): language is Exclude<SupportedLanguage, 'en'> => language !== 'en',
);

describe('English, the reference', () => {
  it('has a string for every plural form English uses', () => {
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const [key, forms] of englishShapes) {
      if (forms.length > 0) expect(forms.sort(), key).toEqual([...categories].sort());
    }
  });
});

describe.each(others)('%s', (language) => {
  const strings = stringsOf(language);
  const shapes = keyShapes(strings);
  const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

  it('has exactly the keys of English, modulo plural forms', () => {
    expect([...shapes.keys()].sort()).toEqual([...englishShapes.keys()].sort());
  });

  it('gives each plural exactly the forms this language needs', () => {
    for (const [key, englishForms] of englishShapes) {
      const forms = shapes.get(key) ?? [];
      if (englishForms.length === 0) expect(forms, key).toEqual([]);
      else expect([...forms].sort(), key).toEqual(categories);
    }
  });

  it('has no empty strings and no stray spaces', () => {
    for (const [key, value] of strings) {
      expect(value.trim(), key).not.toBe('');
      expect(value, key).toBe(value.trim());
    }
  });

  it('leaves nothing in English except the listed names, codes and symbols', () => {
    const untranslated = [...strings]
      .filter(([key, value]) => english.get(key) === value && !allowedSame(language, key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of the English string', () => {
    for (const [key, value] of strings) {
      const match = pluralSuffix.exec(key);
      const base = match ? key.slice(0, match.index) : key;
      const englishValue = english.get(match ? `${base}_other` : key) ?? '';
      const expected = placeholders(englishValue);
      const found = placeholders(value);
      // A plural form for exactly one, two or none may spell the number out ("تعديلان").
      const mayOmitCount = ['zero', 'one', 'two'].includes(match?.[1] ?? '');
      const required = mayOmitCount ? expected.filter((name) => name !== 'count') : expected;
      for (const name of required) expect(found, `${key} lacks {{${name}}}`).toContain(name);
      for (const name of found) expect(expected, `${key} has unknown {{${name}}}`).toContain(name);
    }
  });

  it('formats the same placeholders as numbers as English does', () => {
    const numberFormatted = (text: string) =>
      [...text.matchAll(/\{\{\s*([^,}\s]+)\s*,\s*number\s*\}\}/g)].map((m) => m[1]);
    for (const [key, value] of strings) {
      const base = key.replace(pluralSuffix, '_other');
      const englishValue = english.get(english.has(key) ? key : base) ?? '';
      for (const name of numberFormatted(value)) {
        expect(numberFormatted(englishValue), key).toContain(name);
      }
    }
  });

  it('quotes button names exactly as the buttons say them', () => {
    const buttons = new Set(
      ['collabProblem.retry', 'collabProblem.reload', 'collabProblem.discard'].map(
        (key) => strings.get(key) ?? '',
      ),
    );
    for (const [key, value] of strings) {
      if (!key.startsWith('collabProblem.')) continue;
      for (const match of value.matchAll(/[«“]\s*([^»”]+?)\s*[»”]/g)) {
        expect([...buttons], `${key} quotes “${match[1]}”`).toContain(match[1]);
      }
    }
  });

  it('matches English in how many sentences the longer messages have (nothing dropped)', () => {
    // A cheap guard against a translation that silently drops a sentence of instructions.
    const sentences = (text: string) => text.split(/[.!?؟]\s/).length;
    for (const [key, englishValue] of english) {
      if (englishValue.length < 80 || pluralSuffix.test(key)) continue;
      const value = strings.get(key) ?? '';
      expect(Math.abs(sentences(value) - sentences(englishValue)), key).toBeLessThanOrEqual(1);
    }
  });
});

describe('plurals and numbers at run time', () => {
  const i18n = createInstance();
  void i18n.init({
    resources,
    lng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const pending = (lng: SupportedLanguage, count: number) =>
    i18n.t('connection.pending', { lng, count });

  it('picks the Arabic form for each count', () => {
    expect(pending('ar', 1)).toBe('تعديل واحد غير متزامن');
    expect(pending('ar', 2)).toBe('تعديلان غير متزامنين');
    expect(pending('ar', 3)).toBe('3 تعديلات غير متزامنة');
    expect(pending('ar', 11)).toBe('11 تعديلًا غير متزامن');
    expect(pending('ar', 100)).toBe('100 تعديل غير متزامن');
  });

  it('formats numbers for the language', () => {
    expect(pending('en', 1200)).toBe('1,200 unsynced changes');
    expect(pending('fr', 1)).toBe('1 modification non synchronisée');
    expect(pending('fr', 1200)).toBe(
      `${new Intl.NumberFormat('fr').format(1200)} modifications non synchronisées`,
    );
    expect(pending('es', 2)).toBe('2 cambios sin sincronizar');
  });
});
