export { guideExtensions } from './extensions.ts';
export { isSafeLinkHref } from './safeHref.ts';
export {
  BlockDirection,
  blockDirections,
  directionalNodes,
  isBlockDirection,
  type BlockDirectionValue,
} from './blockDirection.ts';
export { Subscript, Superscript } from './scriptMarks.ts';
export { textDirection } from './textDirection.ts';
export { PracticeCitation, checkPracticeId } from './practiceCitation.ts';
