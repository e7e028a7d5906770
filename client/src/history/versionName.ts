import type { TFunction } from 'i18next';
import type { GuideVersion } from '@draftroom/shared';

/** What a version is called in the list and the viewer: its label, or what the server took it for. */
export function versionName(version: GuideVersion, t: TFunction): string {
  if (version.label !== '') return version.label;
  if (version.beforeRestoreOf) {
    return t('history.name.beforeRestore', {
      name: version.beforeRestoreOf.label || t('history.name.unnamed'),
    });
  }
  return t(`history.name.${version.kind}`);
}
