import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeSummary } from '@draftroom/shared';
import { SnippetText } from '../search/SnippetText.tsx';
import { InlineList } from '../ui/InlineList.tsx';
import { useLibraryLabels } from './labels.ts';

/** What a card shows: the public index has no status, publication or search match. */
export type CardPractice = Pick<
  PracticeSummary,
  'id' | 'title' | 'parliament' | 'country' | 'region' | 'audiences' | 'topics' | 'languages'
> &
  Partial<Pick<PracticeSummary, 'status' | 'match' | 'summary'>>;

/**
 * One practice in a list: its title as the link, whose it is, its tags and languages, a badge
 * unless approved, and where a search found its words (marked from the server's offsets).
 */
export function PracticeCard({
  practice,
  href,
  level = 3,
}: {
  practice: CardPractice;
  href: string;
  /** The title's heading level: under the page's h1 (public index) or a section's h2. */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  const labels = useLibraryLabels();
  const match = practice.match;
  return (
    <li className="card practice-card">
      <Heading className="practice-card__title">
        <Link to={href} dir="auto">
          {practice.title}
        </Link>
      </Heading>
      {practice.status && practice.status !== 'approved' && (
        <p className={`practice-badge practice-badge--${practice.status}`}>
          {labels.status(practice.status)}
        </p>
      )}
      <p className="practice-card__who">
        <bdi>{practice.parliament}</bdi>
        {' · '}
        <span>{labels.country(practice.country)}</span>
        {' · '}
        <span>{labels.region(practice.region)}</span>
      </p>
      {match ? (
        <p className="practice-card__snippet" dir="auto">
          <span className="visually-hidden">{t(`library.fields.${match.field}`)}: </span>
          <SnippetText snippet={match.snippet} />
        </p>
      ) : (
        practice.summary && (
          <p className="practice-card__summary" dir="auto">
            {practice.summary}
          </p>
        )
      )}
      <PracticeTags practice={practice} />
    </li>
  );
}

/** Audiences and topics as tags, then the languages in a sentence. */
export function PracticeTags({ practice }: { practice: CardPractice }) {
  const { t } = useTranslation();
  const labels = useLibraryLabels();
  const tags = [
    ...practice.audiences.map((tag) => ({ key: `a-${tag}`, text: labels.audience(tag) })),
    ...practice.topics.map((topic) => ({ key: `t-${topic}`, text: labels.topic(topic) })),
  ];
  return (
    <>
      {tags.length > 0 && (
        <ul className="practice-tags" aria-label={t('library.card.tags')}>
          {tags.map((tag) => (
            <li key={tag.key} className="practice-tag">
              {tag.text}
            </li>
          ))}
        </ul>
      )}
      <p className="practice-card__languages muted">
        {t('library.card.languages')}{' '}
        <InlineList
          items={practice.languages.map((code) => ({ key: code, text: labels.language(code) }))}
        />
      </p>
    </>
  );
}
