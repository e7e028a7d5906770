/** Link schemes the shared editor schema allows (`guideExtensions` → Link `protocols`). */
const allowedSchemes = ['http:', 'https:', 'mailto:'];

/**
 * Turns what a person typed into a safe link target: "example.org/page" becomes
 * "https://example.org/page", an e-mail address becomes "mailto:", and anything else with a
 * scheme we do not allow (javascript:, data:) is refused with `null`.
 */
export function normalizeLinkHref(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? trimmed
    : /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)
      ? `mailto:${trimmed}`
      : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!allowedSchemes.includes(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return null;
  }
  return url.href;
}
