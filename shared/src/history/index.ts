export { guideBlocks, type BlockTag, type BlockWithin, type GuideBlock } from './guideBlocks.ts';
export { diffSequences, type EditRun } from './sequenceDiff.ts';
export {
  diffVersions,
  type DiffBlock,
  type DiffSegment,
  type SegmentKind,
  type VersionDiff,
} from './versionDiff.ts';
export {
  diffMarkup,
  markupToHtml,
  type DiffLabels,
  type Markup,
  type MarkupElement,
} from './diffMarkup.ts';
