import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Person } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { formatNumber } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { matchesQuery, seatsLeft } from '../membership.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import { UnassignedTable } from './UnassignedTable.tsx';
import { SearchField } from '../../ui/fields/SearchField.tsx';

interface ManualAssignProps {
  /** The session's participants who are in none of its groups. */
  people: readonly Person[];
  /** Facilitators and observers in none of its groups: listed apart, not counted as waiting. */
  others: readonly Person[];
  /** Groups this person may put people into. */
  groups: readonly BreakoutGroup[];
  onAssigned: (message: string) => void;
}

/**
 * Assignment by hand: tick people (searching by name, parliament or country), pick a group.
 * The heading counts participants only, like the "waiting for a group" figure; facilitators and
 * observers can be placed too, from a list of their own.
 */
export function ManualAssign({ people, others, groups, onAssigned }: ManualAssignProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [groupId, setGroupId] = useState('');
  const [problem, setProblem] = useState<'people' | 'group' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locale = i18n.language;

  const shown = people.filter((person) => matchesQuery(person, query));
  const othersShown = others.filter((person) => matchesQuery(person, query));
  // Ticked people who have since been placed elsewhere drop out of the selection.
  const chosen = [...people, ...others].filter((person) => selected.has(person.id));

  const toggle = (id: string, checked: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const group = groups.find((candidate) => candidate.id === groupId);
    if (chosen.length === 0) return setProblem('people');
    if (!group) return setProblem('group');
    setBusy(true);
    setError(null);
    try {
      await callApi('assignMembers', {
        params: { groupId: group.id },
        body: { personIds: chosen.map((person) => person.id) },
      });
      setSelected(new Set());
      onAssigned(t('organiser.assign.done', { count: chosen.length, group: group.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="org-assign">
      <h2 id={headingId}>{t('organiser.assign.heading', { count: people.length })}</h2>
      {people.length === 0 && <p className="muted">{t('organiser.assign.nobody')}</p>}
      {people.length === 0 && others.length === 0 ? null : groups.length === 0 ? (
        <p className="muted">{t('organiser.assign.noGroups')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="org-form">
          <SearchField label={t('organiser.assign.search')} value={query} onChange={setQuery} />
          {people.length > 0 && (
            <UnassignedTable
              caption={t('organiser.assign.caption', {
                shown: formatNumber(shown.length, locale),
                total: formatNumber(people.length, locale),
              })}
              shown={shown}
              selected={selected}
              onToggle={toggle}
            />
          )}
          {others.length > 0 && (
            <details className="org-assign__others" open={people.length === 0}>
              <summary>{t('organiser.assign.othersSummary', { count: others.length })}</summary>
              <UnassignedTable
                caption={t('organiser.assign.othersCaption', {
                  shown: formatNumber(othersShown.length, locale),
                  total: formatNumber(others.length, locale),
                })}
                shown={othersShown}
                selected={selected}
                onToggle={toggle}
                showRole
              />
            </details>
          )}
          {problem === 'people' && (
            <p className="field__error" role="alert">
              {t('organiser.assign.choosePeople')}
            </p>
          )}
          <SelectField
            label={t('organiser.assign.target')}
            value={groupId}
            placeholder={t('organiser.assign.targetPlaceholder')}
            options={groups.map((group) => ({
              value: group.id,
              label: t('organiser.assign.targetOption', {
                name: group.name,
                language: workingLanguageName(group.workingLanguage, locale),
                count: seatsLeft(group),
              }),
            }))}
            onChange={(value) => {
              setGroupId(value);
              setProblem(null);
            }}
            problem={problem === 'group' ? { key: 'chooseGroup' } : undefined}
          />
          {error !== null && <ErrorNotice error={error} />}
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {busy ? t('organiser.common.working') : t('organiser.assign.submit')}
            </button>
            <span className="muted" aria-live="polite">
              {t('organiser.assign.selected', { count: chosen.length })}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
