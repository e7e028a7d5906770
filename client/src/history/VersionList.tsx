import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '@draftroom/shared';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { versionName } from './versionName.ts';

/**
 * Who wrote in the guide since the previous version, from the server's attribution record
 * (`version.contributors`), never names guessed from the document.
 */
function VersionContributors({ version }: { version: GuideVersion }) {
  const { t } = useTranslation();
  if (!version.contributors || version.contributors.length === 0) return null;
  return (
    <p className="history-version__contributors">
      {t('history.contributors')}{' '}
      {version.contributors.map((person, index) => (
        <span key={person.personId}>
          {index > 0 && ', '}
          <bdi>{person.name}</bdi>
        </span>
      ))}
    </p>
  );
}

/** The versions, newest first: name, kind, when (in the viewer's zone) and who took it. */
export function VersionList({
  versions,
  onOpen,
  note,
}: {
  versions: readonly GuideVersion[];
  onOpen: (version: GuideVersion) => void;
  /** Shown under a version's details, when it gives something (a dot vote's result). */
  note?: (version: GuideVersion) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const zone = viewerTimeZone();
  if (versions.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history-list">
      {versions.map((version) => {
        const name = versionName(version, t, versions);
        return (
          <li key={version.id} className="history-version" data-testid="history-version">
            <p className="history-version__name">
              <bdi dir="auto">{name}</bdi>
            </p>
            <p className="history-version__meta">
              <span className="history-version__kind">{t(`history.kind.${version.kind}`)}</span>
              {' · '}
              <time dateTime={version.takenAt}>
                {formatDateTime(version.takenAt, i18n.language, zone)}
              </time>
              {' · '}
              {version.takenBy ? (
                <>
                  {t('history.by')} <bdi>{version.takenBy.name}</bdi>
                </>
              ) : (
                t('history.byServer')
              )}
            </p>
            <VersionContributors version={version} />
            {note?.(version)}
            <button type="button" className="button button--small" onClick={() => onOpen(version)}>
              {t('history.open')}
              <span className="visually-hidden">
                {' '}
                <bdi>{name}</bdi>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
