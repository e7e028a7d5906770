/**
 * Link targets a guide may hold. The editor refuses these schemes when a link is made or pasted
 * (Tiptap's `isAllowedUri`), so only a crafted update can carry one: the server refuses it, and
 * exports never meet it. Browsers ignore ASCII whitespace and control characters inside a scheme
 * ("java\tscript:"), so those are removed before looking.
 */
const scriptSchemes = /^(?:javascript|vbscript|data|livescript|mocha):/i;

export function isSafeLinkHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- exactly the characters browsers strip.
  const normalised = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return !scriptSchemes.test(normalised);
}
