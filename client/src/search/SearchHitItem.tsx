import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '@draftroom/shared';
import { SnippetText } from './SnippetText.tsx';

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
