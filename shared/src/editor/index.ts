export { guideExtensions } from './extensions.ts';
