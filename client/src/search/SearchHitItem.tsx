import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit, SearchSnippet } from '@draftroom/shared';

/**
 * The snippet as text with the matched words in <mark>: built from the server's offsets, never
 * from HTML, so a guide's text cannot become markup here.
 */
export function SnippetText({ snippet }: { snippet: SearchSnippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [index, mark] of snippet.marks.entries()) {
    if (mark.start < at || mark.end > snippet.text.length) continue;
    parts.push(snippet.text.slice(at, mark.start));
    parts.push(<mark key={index}>{snippet.text.slice(mark.start, mark.end)}</mark>);
    at = mark.end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <>
      {snippet.cutBefore && '… '}
      {parts.map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
      {snippet.cutAfter && ' …'}
    </>
  );
}

/** One hit: the guide (its group and session) as a link to the block, and the words found. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const where = hit.sessionTitle ?? t('search.noSession');
  return (
    <li className="search-hit">
      <Link className="search-hit__link" to={`/g/${hit.guideId}?block=${hit.block}`}>
        <bdi>{hit.groupName ?? hit.guideTitle}</bdi>
      </Link>
      <span className="search-hit__where muted">
        {' '}
        <bdi>{where}</bdi>
      </span>
      <p className="search-hit__snippet" dir={hit.dir ?? 'auto'}>
        <SnippetText snippet={hit.snippet} />
      </p>
    </li>
  );
}
