import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { audienceTags, sessionKinds, type AudienceTag, type SessionKind } from '@draftroom/shared';
import { formatList } from '../format/text.ts';
import { isFiltered, noFilter, type ProgrammeFilter } from './filters.ts';

interface ProgrammeFiltersProps {
  filter: ProgrammeFilter;
  onChange: (filter: ProgrammeFilter) => void;
  shown: number;
  total: number;
  /** The audiences the person follows ("Only my audiences" needs at least one). */
  audiences: readonly AudienceTag[];
}

/**
 * Two labelled selects and an "Only my audiences" box that narrow the list as soon as they change
 * (no submit button to find), and a status line that announces how many sessions are now shown.
 */
export function ProgrammeFilters({
  filter,
  onChange,
  shown,
  total,
  audiences,
}: ProgrammeFiltersProps) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const filtered = isFiltered(filter);
  return (
    <section className="filters" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="visually-hidden">
        {t('programme.filters.heading')}
      </h2>
      <div className="filters__controls">
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('programme.filters.kind')}</label>
          <select
            id={`${ids}-kind`}
            value={filter.kind ?? ''}
            onChange={(event) =>
              onChange({ ...filter, kind: (event.target.value || null) as SessionKind | null })
            }
          >
            <option value="">{t('programme.filters.allKinds')}</option>
            {sessionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sessionKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-audience`}>{t('programme.filters.audience')}</label>
          <select
            id={`${ids}-audience`}
            value={filter.audience ?? ''}
            onChange={(event) =>
              onChange({
                ...filter,
                audience: (event.target.value || null) as AudienceTag | null,
              })
            }
          >
            <option value="">{t('programme.filters.allAudiences')}</option>
            {audienceTags.map((tag) => (
              <option key={tag} value={tag}>
                {t(`audience.${tag}`)}
              </option>
            ))}
          </select>
        </div>
        {(audiences.length > 0 || filter.mine) && (
          <div className="field filters__mine">
            <label className="filters__mine-label">
              <input
                type="checkbox"
                checked={filter.mine}
                aria-describedby={`${ids}-mine-hint`}
                onChange={(event) => onChange({ ...filter, mine: event.target.checked })}
              />
              {t('personalProgramme.onlyMine')}
            </label>
            <p className="field__hint" id={`${ids}-mine-hint`}>
              {audiences.length > 0
                ? t('personalProgramme.onlyMineHint', {
                    audiences: formatList(
                      audiences.map((tag) => t(`audience.${tag}`)),
                      i18n.language,
                    ),
                  })
                : t('personalProgramme.noAudiences')}
            </p>
          </div>
        )}
        {filtered && (
          <button
            type="button"
            className="button filters__clear"
            onClick={() => {
              onChange(noFilter);
              // The button goes away with the filters: keep focus in the form, not on <body>.
              document.getElementById(`${ids}-kind`)?.focus();
            }}
          >
            {t('programme.filters.clear')}
          </button>
        )}
      </div>
      {audiences.length === 0 && !filter.mine && (
        <p className="field__hint filters__no-audiences">{t('personalProgramme.noAudiences')}</p>
      )}
      <p className="filters__count" role="status" data-testid="programme-count">
        {total === 0
          ? t('programme.empty')
          : shown === 0
            ? t('programme.filters.none')
            : filtered
              ? t('programme.filters.count', { count: shown, total })
              : t('programme.filters.all', { count: total })}
      </p>
    </section>
  );
}
