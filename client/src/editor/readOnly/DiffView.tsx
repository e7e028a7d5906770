import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffMarkup, diffVersions } from '@draftroom/shared/history';
import { usePracticeCards } from '../../api/practiceCards.ts';
import { MarkupView } from './MarkupView.tsx';
import '../../styles/diff.css';

/**
 * What changed between two versions of a guide, or from one guide to another (comparing two
 * groups' guides): insertions underlined in `<ins>`, deletions struck through
 * in `<del>`, each preceded by hidden words a screen reader says ("inserted", "deleted"), so the
 * difference is never told by colour alone. Computed here, in the browser, from the two
 * ProseMirror documents with the one shared diff (`@draftroom/shared/history`).
 */
export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const diff = useMemo(() => diffVersions(before, after), [before, after]);
  const cards = usePracticeCards(
    diff.blocks.flatMap((block) =>
      block.tag === 'cite' ? block.segments.map((segment) => segment.text) : [],
    ),
  );
  const markup = useMemo(
    () =>
      diffMarkup(diff.blocks, {
        inserted: t('history.diff.insertedMark'),
        deleted: t('history.diff.deletedMark'),
        emptyBlock: t('history.diff.emptyLine'),
        // A citation by the practice's title (as its card shows it), while loading by its kind.
        citation: (id) => {
          const card = cards.get(id);
          const title =
            card?.available === true
              ? card.title
              : card || id === ''
                ? t('citations.card.unavailable')
                : t('citations.card.loading');
          return `${t('citations.card.kind')}: ${title}`;
        },
      }),
    [diff, cards, t],
  );
  const changed =
    diff.inserted > 0 || diff.deleted > 0 || diff.blocks.some((b) => b.status !== 'same');
  return (
    <>
      <p className="history-diff__summary" data-testid="diff-summary">
        {changed
          ? `${t('history.diff.inserted', { count: diff.inserted })} ${t('history.diff.deleted', { count: diff.deleted })}`
          : t('history.diff.none')}
      </p>
      <p className="history-diff__legend muted">
        <ins className="diff-ins">{t('history.diff.legendInserted')}</ins>{' '}
        <del className="diff-del">{t('history.diff.legendDeleted')}</del>
      </p>
      <div className="history-diff guide-editor__content" data-testid="version-diff">
        <MarkupView markup={markup} />
      </div>
    </>
  );
}
