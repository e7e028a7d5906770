import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from '@draftroom/shared';
import { countryName } from '../formatting.ts';
import { joinUrl } from '../inviteForm.ts';
import { CopyLinkField } from '../../ui/CopyLinkField.tsx';
import { PersonGroups } from '../people/PersonGroups.tsx';
import { DownloadLinks } from './DownloadLinks.tsx';

interface ImportDoneProps {
  report: ImportReport;
  groupNames: ReadonlyMap<string, string>;
  onAgain: () => void;
}

/**
 * Who was created, each with the personal sign-in link to send them. The links are shown this
 * once (the server keeps only their hashes), so the page says so and offers them as a file.
 */
export function ImportDone({ report, groupNames, onAgain }: ImportDoneProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const warningId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const linkFor = (joinPath: string) => joinUrl(window.location.origin, joinPath);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('organiser.import.doneHeading', { count: report.created.length })}
      </h2>
      <p className="notice org-notice--warning" id={warningId}>
        {t('organiser.import.linksOnce')}
      </p>
      <DownloadLinks created={report.created} linkFor={linkFor} />
      <div className="org-table-scroll">
        <table className="org-data-table">
          <caption>{t('organiser.import.createdCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organiser.people.name')}</th>
              <th scope="col">{t('organiser.people.parliament')}</th>
              <th scope="col">{t('organiser.people.country')}</th>
              <th scope="col">{t('organiser.people.groups')}</th>
              <th scope="col">{t('organiser.import.signInLink')}</th>
            </tr>
          </thead>
          <tbody>
            {report.created.map(({ person, joinPath }) => (
              <tr key={person.id}>
                <th scope="row">
                  <bdi>{person.displayName}</bdi>
                </th>
                <td>
                  <bdi>{person.parliament}</bdi>
                </td>
                <td>{countryName(person.country, i18n.language)}</td>
                <td>
                  <PersonGroups groupIds={person.groupIds} groupNames={groupNames} />
                </td>
                <td>
                  <CopyLinkField
                    hideLabel
                    label={t('organiser.import.linkFor', { name: person.displayName })}
                    url={linkFor(joinPath)}
                    describedBy={warningId}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('organiser.import.doneNext')}</p>
      <div className="form-actions">
        <Link to="/organise/people" className="button button--primary">
          {t('organiser.import.toPeople')}
        </Link>
        <button type="button" className="button" onClick={onAgain}>
          {t('organiser.import.again')}
        </button>
      </div>
    </section>
  );
}
