/**
 * Wraps text typed by people (a name, a title) in Unicode isolates (FSI … PDI) before it goes
 * into a translated sentence, as `<bdi>` does in markup: an Arabic group name inside an English
 * sentence, or the reverse, cannot then reorder the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** A language's name in the page's language ("fr" → "French" in English, "francés" in Spanish). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "English, French and Arabic", as the page's language lists things. */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
