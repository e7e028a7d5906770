import { describe, expect, it } from 'vitest';
import { orderLanguages, workingLanguageName } from './languages.ts';

describe('workingLanguageName', () => {
  it('names working languages in the interface’s language, not in themselves', () => {
    expect(workingLanguageName('en', 'fr')).toBe('anglais');
    expect(workingLanguageName('es', 'fr', { standalone: true })).toBe('Espagnol');
    expect(workingLanguageName('ar', 'fr')).toBe('arabe');
    expect(workingLanguageName('en', 'ar')).toBe('الإنجليزية');
    expect(workingLanguageName('fr', 'ar')).toBe('الفرنسية');
    expect(workingLanguageName('fr', 'es')).toBe('francés');
    expect(workingLanguageName('ar', 'en')).toBe('Arabic');
  });
});

describe('orderLanguages', () => {
  it('keeps the conference order whatever the order ticked', () => {
    expect(orderLanguages(['ar', 'en'])).toEqual(['en', 'ar']);
  });
});
