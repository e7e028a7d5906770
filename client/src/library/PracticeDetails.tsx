import { useTranslation } from 'react-i18next';
import { practiceSections, type PracticeContent, type RegionCode } from '@draftroom/shared';
import { ReadOnlyContent } from '../editor/readOnly/ReadOnlyContent.tsx';
import { PracticeTags } from './PracticeCard.tsx';
import { useLibraryLabels } from './labels.ts';

/**
 * A practice's content, read-only: whose it is, the summary, the three sections in the guide's
 * own read-only view (every block keeps its `dir`), links and, for signed-in readers only, the
 * contact. Used by the practice page, a version of it, and the public page (no contact there).
 */
export function PracticeDetails({
  content,
  region,
  headingLevel = 2,
}: {
  content: Omit<PracticeContent, 'contact'> & { contact?: PracticeContent['contact'] };
  region: RegionCode | null;
  /** The sections' heading level: 2 on a page of its own, 3 inside a version. */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const labels = useLibraryLabels();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="practice-details">
      <p className="practice-details__who">
        <bdi>{content.parliament}</bdi>
        {' · '}
        {labels.country(content.country)}
        {' · '}
        {labels.region(region)}
      </p>
      <PracticeTags practice={{ id: '', ...content, region }} />
      <Heading>{t('library.fields.summary')}</Heading>
      <p dir="auto" className="practice-details__summary">
        {content.summary}
      </p>
      {practiceSections.map((section) => (
        <section key={section} className="practice-details__section">
          <Heading>{t(`library.fields.${section}`)}</Heading>
          <ReadOnlyContent
            content={content[section]}
            label={t(`library.fields.${section}`)}
            className="practice-details__content"
            testId={`practice-${section}`}
          />
        </section>
      ))}
      {content.links.length > 0 && (
        <>
          <Heading>{t('library.form.links')}</Heading>
          <ul className="practice-details__links">
            {content.links.map((link, index) => (
              <li key={index}>
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" dir="auto">
                  {link.label}
                </a>{' '}
                <span className="muted" dir="ltr">
                  ({link.url})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {content.contact && (
        <>
          <Heading>{t('library.form.contact')}</Heading>
          <p>
            <bdi>{content.contact.name}</bdi>
            {' · '}
            <a href={`mailto:${content.contact.email}`} dir="ltr">
              {content.contact.email}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
