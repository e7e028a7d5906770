export { guideExtensions } from './extensions.ts';
export { isSafeLinkHref } from './safeHref.ts';
