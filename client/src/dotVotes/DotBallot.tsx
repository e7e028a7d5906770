import { useTranslation } from 'react-i18next';
import type { DotVote } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useDotAllocation } from './useDotAllocation.ts';

/**
 * This person's dots in an open vote: each item with its count and − / + buttons (ordinary
 * buttons, so Tab and Enter or Space work), and how many dots are left. Each move is said.
 */
export function DotBallot({
  vote,
  onSaved,
  announce,
}: {
  vote: DotVote;
  onSaved: (vote: DotVote) => void;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { dots, left, move, error } = useDotAllocation(vote, onSaved);
  const leftText = t('dotVotes.left', { count: vote.dots, left });

  const press = (index: number, by: 1 | -1) => {
    const item = vote.items[index] ?? '';
    if (!move(index, by)) {
      announce(by === 1 ? t('dotVotes.noneLeft') : t('dotVotes.noneHere', { item }));
      return;
    }
    const mine = (dots[index] ?? 0) + by;
    const after = t('dotVotes.left', { count: vote.dots, left: left - by });
    announce(
      t('dotVotes.moved', { dots: t('dotVotes.dotsOn', { count: mine, item }), left: after }),
    );
  };

  return (
    <div className="dot-ballot" data-testid="dot-ballot">
      <p className="dot-ballot__left" data-testid="dots-left">
        {leftText}
      </p>
      <ol className="dot-ballot__items">
        {vote.items.map((item, index) => {
          const mine = dots[index] ?? 0;
          return (
            <li key={index} className="dot-ballot__item" data-testid="dot-item">
              <span className="dot-ballot__text" dir="auto">
                {item}
              </span>
              <span className="dot-ballot__controls">
                <button
                  type="button"
                  className="button button--small dot-ballot__button"
                  aria-label={t('dotVotes.remove', { item })}
                  aria-disabled={mine === 0}
                  onClick={() => press(index, -1)}
                >
                  −
                </button>
                <span className="dot-ballot__count" aria-hidden="true">
                  {mine}
                </span>
                <span className="visually-hidden">
                  {t('dotVotes.dotsOn', { count: mine, item })}
                </span>
                <button
                  type="button"
                  className="button button--small dot-ballot__button"
                  aria-label={t('dotVotes.add', { item })}
                  aria-disabled={left === 0}
                  onClick={() => press(index, 1)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
