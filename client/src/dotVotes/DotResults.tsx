import { useTranslation } from 'react-i18next';
import type { DotVote } from '@draftroom/shared';

/**
 * A vote's dots per item, most first (ties in the guide's order), as a table with a bar beside
 * each count (the bar only repeats the number, for the eye). `limit` shows the first few only.
 */
export function DotResults({ vote, limit }: { vote: DotVote; limit?: number }) {
  const { t } = useTranslation();
  const totals = vote.totals;
  if (!totals) return null;
  const most = Math.max(1, ...totals);
  const ranked = vote.items
    .map((item, index) => ({ item, index, dots: totals[index] ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .slice(0, limit);
  return (
    <table className="dot-results" data-testid="dot-results">
      <caption className="visually-hidden">
        {t('dotVotes.resultsOf', { title: vote.title })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('dotVotes.itemColumn')}</th>
          <th scope="col">{t('dotVotes.dotsColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map(({ item, index, dots }) => (
          <tr key={index}>
            {/* <bdi>, not dir on the cell: the cell keeps the page's side, the words their own. */}
            <th scope="row" className="dot-results__item">
              <bdi>{item}</bdi>
            </th>
            <td className="dot-results__dots">
              <span className="dot-results__count">{dots}</span>
              <span
                className="dot-results__bar"
                aria-hidden="true"
                style={{ inlineSize: `${(dots / most) * 100}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
