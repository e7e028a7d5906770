import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Guide } from '@draftroom/shared';

function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The guides, newest first, each a link whose accessible name is its title. */
export function GuideList({ guides }: { guides: readonly Guide[] }) {
  const { t, i18n } = useTranslation();
  if (guides.length === 0) {
    return <p className="empty-state">{t('home.list.empty')}</p>;
  }
  const sorted = [...guides].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="guide-list" data-testid="guide-list">
      {sorted.map((guide) => {
        const created = formatDate(guide.createdAt, i18n.language);
        return (
          <li key={guide.id} className="guide-list__item">
            <Link to={`/g/${encodeURIComponent(guide.id)}`} className="guide-list__link" dir="auto">
              {guide.title}
            </Link>
            {created && (
              <span className="guide-list__meta">{t('home.list.created', { date: created })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
