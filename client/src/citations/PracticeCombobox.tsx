import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeSummary } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { usePracticeSearch } from './usePracticeSearch.ts';
import { PracticeOptionText } from './PracticeOption.tsx';

/**
 * Search approved practices and choose one: the WAI-ARIA combobox pattern with a list box
 * (focus stays in the text field; Up/Down move the active option, named by
 * `aria-activedescendant`; Enter chooses it). How many were found is announced in a status
 * region, with each language's plural forms.
 */
export function PracticeCombobox({
  label,
  onChoose,
  autoFocus = false,
  isTaken,
  clearOnChoose = false,
  hint,
}: {
  label: string;
  /** What the keys do here (the dialog's words by default). */
  hint?: string;
  onChoose: (practice: PracticeSummary) => void;
  autoFocus?: boolean;
  /** A practice that may not be chosen again here (already in the running order). */
  isTaken?: (practice: PracticeSummary) => boolean;
  /** Empty the field after a choice (to add another). */
  clearOnChoose?: boolean;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const search = usePracticeSearch(query);
  const results = search.results;
  // The active option belongs to one list of results: new results start at the first again.
  const [activeIn, setActiveIn] = useState({ results, index: 0 });
  const active = activeIn.results === results ? activeIn.index : 0;
  const setActive = (index: number) => setActiveIn({ results, index });
  const optionId = (index: number) => `${listId}-option-${index}`;
  const choosable = (practice: PracticeSummary | undefined) =>
    practice !== undefined && !(isTaken?.(practice) ?? false);
  const choose = (practice: PracticeSummary) => {
    if (!choosable(practice)) return;
    onChoose(practice);
    if (clearOnChoose) setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: (active + 1) % results.length,
      ArrowUp: (active - 1 + results.length) % results.length,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Only what was found for the words in the field now, never the previous search's list.
      const practice = results[active];
      if (practice && search.status === 'ready') choose(practice);
    }
  };

  return (
    <div className="field practice-combobox">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        dir="auto"
        // The dialog opens on the search: focus goes straight to what the person types into.
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="field__hint">
        {hint ?? t('citations.dialog.hint')}
      </p>
      <p role="status" className="practice-combobox__count" data-testid="practice-count">
        {search.status === 'searching'
          ? t('citations.dialog.searching')
          : search.status === 'ready'
            ? results.length === 0
              ? t('citations.dialog.none')
              : t('citations.dialog.results', { count: results.length })
            : ''}
      </p>
      {search.status === 'error' && <ErrorNotice error={search.error} />}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('citations.dialog.resultsLabel')}
        className="practice-combobox__list"
        hidden={results.length === 0}
      >
        {results.map((practice, index) => (
          <li
            key={practice.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            aria-disabled={choosable(practice) ? undefined : true}
            className="practice-option"
            data-testid="practice-option"
            // Keep focus in the field: a press on an option must not blur it first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(index);
              choose(practice);
            }}
          >
            <PracticeOptionText practice={practice} />
            {!choosable(practice) && (
              <span className="practice-option__taken">{t('citations.session.alreadyIn')}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
