import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { usePracticeCard } from '../api/practiceCards.ts';
import { countryName } from '../countries/countryNames.ts';
import '../styles/citations.css';

/**
 * The card a `practiceCitation` shows in the guide (editor and read-only views alike): its kind,
 * the practice's title (a link to its library page) and parliament, looked up by the id the
 * guide holds, never text stored in the guide, so a renamed or merged practice follows. The
 * card is not editable text (the node is an atom): it is selected and removed as a whole.
 */
export function CitationCard({ node, selected }: ReactNodeViewProps) {
  const { t, i18n } = useTranslation();
  const practiceId = typeof node.attrs.practiceId === 'string' ? node.attrs.practiceId : null;
  const card = usePracticeCard(practiceId);
  return (
    <NodeViewWrapper
      as="aside"
      className={`citation-card${selected ? ' citation-card--selected' : ''}`}
      contentEditable={false}
      data-testid="citation-card"
      data-practice-id={practiceId ?? undefined}
    >
      <p className="citation-card__kind">{t('citations.card.kind')}</p>
      {practiceId === null || card?.available === false ? (
        <p className="citation-card__unavailable">{t('citations.card.unavailable')}</p>
      ) : card === undefined ? (
        <p className="muted">{t('citations.card.loading')}</p>
      ) : (
        <>
          <p className="citation-card__title">
            <Link to={`/library/${encodeURIComponent(card.id)}`}>
              <bdi dir="auto">{card.title}</bdi>
            </Link>
          </p>
          <p className="citation-card__parliament">
            <bdi dir="auto">{card.parliament}</bdi>
            {card.country && <> · {countryName(card.country, i18n.language)}</>}
          </p>
        </>
      )}
    </NodeViewWrapper>
  );
}
