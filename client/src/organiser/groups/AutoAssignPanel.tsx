import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoAssignLeftovers, BreakoutGroup, Person } from '@draftroom/shared';
import {
  autoAssignValidFor,
  describeAutoAssign,
  groupsSignature,
  type AutoAssignSummary,
} from '../membership.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { RadioGroup } from '../../ui/fields/RadioGroup.tsx';
import { callApi } from '../../api/callApi.ts';
import { AutoAssignResult } from './AutoAssignResult.tsx';

interface AutoAssignPanelProps {
  sessionId: string;
  people: readonly Person[];
  groups: readonly BreakoutGroup[];
  /** Unassigned participants (the "Not in a group yet" list). */
  waitingCount: number;
  /** Of those, the ones balancing places (not those invited to one group). */
  balancedCount: number;
  onAssigned: () => void;
}

/** A result and the states of the groups it describes (see `autoAssignValidFor`). */
interface Shown {
  summary: AutoAssignSummary;
  validFor: readonly string[];
}

/**
 * "Balance automatically": the server places every unassigned participant, keeping groups even,
 * parliaments mixed, and each person in a group of their language with room left; the organiser
 * chooses whether anyone left over goes to any group with room. The result says who went where
 * and who could not be placed, so nobody is silently left out, and disappears once the groups
 * change, so it never shows a verdict the page no longer supports.
 */
export function AutoAssignPanel({
  sessionId,
  people,
  groups,
  waitingCount,
  balancedCount,
  onAssigned,
}: AutoAssignPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [leftovers, setLeftovers] = useState<AutoAssignLeftovers>('leave');
  const [shown, setShown] = useState<Shown | null>(null);

  // Adjusted while rendering (not in an effect) so a stale result is never painted at all.
  const current = groupsSignature(groups);
  if (shown && !shown.validFor.includes(current)) setShown(null);
  else if (shown && shown.validFor.length > 1 && current === shown.validFor[1]) {
    // The result has landed: from now on only this state keeps it, not the one before.
    setShown({ ...shown, validFor: [current] });
  }

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await callApi('autoAssign', { params: { sessionId }, body: { leftovers } });
      // Named with the people and groups as they were before the reload the result triggers.
      setShown({
        summary: describeAutoAssign(result, people, groups),
        validFor: autoAssignValidFor(groups, result),
      });
      onAssigned();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const summary = shown?.summary;

  return (
    <section aria-labelledby={headingId} className="card org-auto-assign">
      <h2 id={headingId} className="card__title">
        {t('organiser.autoAssign.heading')}
      </h2>
      <p>{t('organiser.autoAssign.intro')}</p>
      <p className="muted">
        {t('organiser.autoAssign.waiting', { count: waitingCount })}
        {balancedCount < waitingCount &&
          ` ${t('organiser.autoAssign.groupInvited', { count: waitingCount - balancedCount })}`}
      </p>
      {groups.length === 0 && <p className="muted">{t('organiser.assign.noGroups')}</p>}
      <RadioGroup
        legend={t('organiser.autoAssign.leftoversLegend')}
        name="leftovers"
        value={leftovers}
        onChange={setLeftovers}
        options={[
          { value: 'leave', label: t('organiser.autoAssign.leftoversLeave') },
          {
            value: 'anyGroup',
            label: t('organiser.autoAssign.leftoversAnyGroup'),
            description: t('organiser.autoAssign.leftoversAnyGroupHint'),
          },
        ]}
      />
      <button
        type="button"
        className="button button--primary"
        aria-disabled={busy || groups.length === 0}
        onClick={() => {
          if (groups.length > 0) void run();
        }}
      >
        {busy ? t('organiser.common.working') : t('organiser.autoAssign.run')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <div role="status">
        {summary && (
          <p className="notice org-notice--success">
            {t('organiser.autoAssign.placed', { count: summary.placed.length })}
            {summary.unplaced.length > 0 &&
              ` ${t('organiser.autoAssign.unplacedCount', { count: summary.unplaced.length })}`}
          </p>
        )}
      </div>
      {summary && <AutoAssignResult summary={summary} />}
    </section>
  );
}
