import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll, PollResults as Results } from '@draftroom/shared';
import { resultRows } from './pollLogic.ts';
import { WordCloud } from './WordCloud.tsx';

// The charting library is most of a poll's weight: loaded only when results are shown.
const PollChart = lazy(async () => ({ default: (await import('./PollChart.tsx')).PollChart }));

/**
 * A poll's results: a bar per option (ranking: by points) and always the same numbers as a table
 * with percentages of the people who voted; a word cloud with its counts. `preview`: results the
 * moderators see before revealing them, marked so. `large`: the presenter view.
 */
export function PollResults({
  poll,
  results,
  preview = false,
  large = false,
}: {
  poll: Poll;
  results: Results;
  preview?: boolean;
  large?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const numbers = new Intl.NumberFormat(i18n.language);
  const percents = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const rows = resultRows({ ...poll, results });
  const ranking = poll.kind === 'ranking';
  const HeadingTag = large ? 'h2' : 'h4';
  return (
    <section
      className={`poll-results${preview ? ' poll-results--preview' : ''}`}
      aria-labelledby={headingId}
      data-testid="poll-results"
    >
      <HeadingTag id={headingId} className="poll-results__heading">
        {t('polls.results.heading')}
      </HeadingTag>
      {preview && <p className="notice poll-results__preview">{t('polls.results.preview')}</p>}
      {poll.kind === 'words' ? (
        <WordCloud words={results.words ?? []} large={large} />
      ) : (
        <>
          {poll.ballots > 0 && (
            <Suspense fallback={<p className="muted">{t('polls.results.loadingChart')}</p>}>
              <PollChart
                bars={rows.map((row) => ({
                  option: row.option,
                  value: ranking ? (row.points ?? 0) : row.votes,
                }))}
                valueLabel={ranking ? t('polls.results.points') : t('polls.results.votes')}
                large={large}
              />
            </Suspense>
          )}
          <table className="poll-table" data-testid="poll-table">
            <caption>
              {t('polls.results.caption')} <bdi>{poll.question}</bdi>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('polls.results.option')}</th>
                {ranking && (
                  <th scope="col" className="poll-table__number">
                    {t('polls.results.points')}
                  </th>
                )}
                <th scope="col" className="poll-table__number">
                  {ranking ? t('polls.results.firstPlaces') : t('polls.results.votes')}
                </th>
                <th scope="col" className="poll-table__number">
                  {t('polls.results.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  <th scope="row">
                    <bdi>{row.option}</bdi>
                  </th>
                  {ranking && (
                    <td className="poll-table__number">{numbers.format(row.points ?? 0)}</td>
                  )}
                  <td className="poll-table__number">{numbers.format(row.votes)}</td>
                  <td className="poll-table__number">{percents.format(row.percent / 100)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
