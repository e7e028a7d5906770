import { useTranslation } from 'react-i18next';
import { wordSizeStep } from './pollLogic.ts';

/**
 * The words people gave, sized by how many gave each (five steps of font size), each with its
 * count written beside it; the same as a table under "as a table", for reading in order.
 */
export function WordCloud({
  words,
  large = false,
}: {
  words: readonly { word: string; count: number }[];
  large?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language);
  if (words.length === 0) return <p className="muted">{t('polls.results.noWords')}</p>;
  const counts = words.map((entry) => entry.count);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return (
    <>
      <ul
        className={`poll-cloud${large ? ' poll-cloud--large' : ''}`}
        aria-label={t('polls.results.cloud')}
        data-testid="poll-cloud"
      >
        {words.map((entry) => (
          <li
            key={entry.word}
            className={`poll-cloud__word poll-cloud__word--${wordSizeStep(entry.count, min, max)}`}
          >
            <bdi>{entry.word}</bdi>{' '}
            <span className="poll-cloud__count" aria-hidden="true">
              {numbers.format(entry.count)}
            </span>
            <span className="visually-hidden">
              {t('polls.results.peopleCount', { count: entry.count })}
            </span>
          </li>
        ))}
      </ul>
      <details className="poll-cloud__table">
        <summary>{t('polls.results.asTable')}</summary>
        <table className="poll-table" data-testid="poll-words-table">
          <caption>{t('polls.results.wordsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('polls.results.word')}</th>
              <th scope="col" className="poll-table__number">
                {t('polls.results.people')}
              </th>
            </tr>
          </thead>
          <tbody>
            {words.map((entry) => (
              <tr key={entry.word}>
                <th scope="row">
                  <bdi>{entry.word}</bdi>
                </th>
                <td className="poll-table__number">{numbers.format(entry.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
