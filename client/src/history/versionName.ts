import type { TFunction } from 'i18next';
import { reviewStatusSchema, type GuideVersion } from '@draftroom/shared';

/**
 * What a version is called in the list and the viewer: its label, or what the server took it
 * for. A version taken before a restore names the version restored, found in `all` (the list).
 */
export function versionName(
  version: GuideVersion,
  t: TFunction,
  all: readonly GuideVersion[] = [],
): string {
  // A review move's version is labelled with the status moved to: named in the reader's language.
  if (version.kind === 'review') {
    const status = reviewStatusSchema.safeParse(version.label);
    if (status.success) {
      return t('history.name.review', { status: t(`review.status.${status.data}`) });
    }
  }
  // A closed dot vote's version is labelled with the vote's title.
  if (version.kind === 'dotVote') return t('history.name.dotVote', { title: version.label });
  if (version.label !== '') return version.label;
  const of = version.beforeRestoreOf;
  if (of) {
    const restored = all.find((other) => other.id === of.id);
    // Restored versions are older than this one, so the names never loop.
    const name = restored ? versionName(restored, t, all) : of.label;
    return t('history.name.beforeRestore', { name: name || t('history.name.unnamed') });
  }
  return t(`history.name.${version.kind}`);
}
