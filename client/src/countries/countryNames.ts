import { countryCodes } from '@draftroom/shared';

export interface CountryOption {
  code: string;
  name: string;
}

function displayNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  } catch {
    return null; // a very old browser: codes are still meaningful to most people
  }
}

/** A country's name in `locale` ("SN" → "Sénégal" in French); the code itself if unknown. */
export function countryName(code: string, locale: string): string {
  try {
    return displayNames(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a well-formed region code: show what was stored
  }
}

const cache = new Map<string, readonly CountryOption[]>();

/** Every country, named and sorted for `locale`, for a `<select>`. Computed once per language. */
export function countryOptions(locale: string): readonly CountryOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  const collator = new Intl.Collator(locale);
  const options = countryCodes
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(locale, options);
  return options;
}
