import { languageCodes, type LanguageCode } from '@draftroom/shared';

/**
 * Registration spreadsheets name countries and languages as people typed them: codes, or names
 * in English, French, Spanish or Arabic. These turn either into the codes we store.
 */
const nameLanguages = ['en', 'fr', 'es', 'ar'] as const;
const normalise = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLocaleLowerCase();

/**
 * Region codes the runtime names that are not countries of ISO 3166-1: withdrawn codes that share
 * a current country's name (FX "France", UK "United Kingdom", SU "Russia", YU "Serbia", ZR "Congo -
 * Kinshasa"…; left in, "France" would be stored as FX), and reserved or grouping codes (EU, UN,
 * ZZ…). XK (Kosovo) is user-assigned but widely used, so it stays.
 */
const notCountries = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ'.split(
    ' ',
  ),
);

let countryNames: Map<string, string> | undefined;

function countryIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const displays = nameLanguages.map(
    (language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }),
  );
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (notCountries.has(code)) continue;
      for (const display of displays) {
        const name = display.of(code);
        if (name) countryNames.set(normalise(name), code);
      }
    }
  }
  return countryNames;
}

/** An ISO 3166 alpha-2 code, from a code or a country name; undefined if unknown. */
export function countryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (notCountries.has(code)) return undefined;
    const known = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
    return known ? code : undefined;
  }
  return countryIndex().get(normalise(trimmed));
}

/** One of our language codes, from a code or the language's name. */
export function languageCode(value: string): LanguageCode | undefined {
  const key = normalise(value);
  for (const code of languageCodes) {
    if (key === code) return code;
    for (const language of [...nameLanguages, code]) {
      const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
      if (name && normalise(name) === key) return code;
    }
  }
  return undefined;
}
