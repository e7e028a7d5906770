import { Fragment } from 'react';
import type { SearchSnippet } from '@draftroom/shared';

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
