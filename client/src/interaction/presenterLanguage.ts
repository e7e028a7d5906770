import { isSupportedLanguage, type SupportedLanguage } from '../i18n/languages.ts';

/**
 * The language the presenter view speaks: the session's, since it is shown to the whole room
 * through the video call, not to the person sharing it. One asked for in the address (`?lang=`)
 * if the session is held in it; else the person's own if the session is held in it; else the
 * session's first language the interface has; else the person's own.
 */
export function presenterLanguage(
  sessionLanguages: readonly string[],
  asked: string | null,
  own: SupportedLanguage,
): SupportedLanguage {
  const held = sessionLanguages.filter(isSupportedLanguage);
  if (asked && isSupportedLanguage(asked) && held.includes(asked)) return asked;
  if (held.includes(own)) return own;
  return held[0] ?? own;
}
