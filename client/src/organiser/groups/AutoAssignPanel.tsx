import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Person } from '@draftroom/shared';
import { autoAssign } from '../api.ts';
import { describeAutoAssign, type AutoAssignSummary } from '../membership.ts';
import { ApiErrorAlert } from '../ui/ApiErrorAlert.tsx';
import { AutoAssignResult } from './AutoAssignResult.tsx';

interface AutoAssignPanelProps {
  sessionId: string;
  people: readonly Person[];
  groups: readonly BreakoutGroup[];
  /** Unassigned participants balancing would place. */
  waitingCount: number;
  onAssigned: () => void;
}

/**
 * "Balance automatically": the server places every unassigned participant, keeping groups even,
 * parliaments mixed, and each person in a group of their language with room left. The result says
 * who went where and who could not be placed, so nobody is silently left out.
 */
export function AutoAssignPanel({
  sessionId,
  people,
  groups,
  waitingCount,
  onAssigned,
}: AutoAssignPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<AutoAssignSummary | null>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await autoAssign(sessionId);
      // Named with the people and groups as they were before the reload the result triggers.
      setSummary(describeAutoAssign(result, people, groups));
      onAssigned();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="card org-auto-assign">
      <h2 id={headingId} className="card__title">
        {t('organiser.autoAssign.heading')}
      </h2>
      <p>{t('organiser.autoAssign.intro')}</p>
      <p className="muted">{t('organiser.autoAssign.waiting', { count: waitingCount })}</p>
      {groups.length === 0 && <p className="muted">{t('organiser.assign.noGroups')}</p>}
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
      {error !== null && <ApiErrorAlert error={error} />}
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
