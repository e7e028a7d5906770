import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadMyCalendar } from '../api/personalProgramme.ts';

/**
 * How many sessions the person plans to attend, "Download my calendar (.ics)", and the page's
 * status line, which announces each change of plan and how the download went.
 */
export function MyPlanBar({
  plannedCount,
  status,
  announce,
}: {
  plannedCount: number;
  /** The latest thing to announce (a change of plan, the download). */
  status: string;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  async function save() {
    setBusy(true);
    announce(t('personalProgramme.downloading'));
    try {
      const filename = await downloadMyCalendar();
      announce(t('personalProgramme.downloaded', { filename }));
    } catch {
      announce(t('personalProgramme.downloadFailed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="my-plan">
      <p className="my-plan__count">
        {plannedCount > 0
          ? t('personalProgramme.plannedCount', { count: plannedCount })
          : t('personalProgramme.plannedNone')}
      </p>
      <div className="my-plan__download">
        <button
          type="button"
          className="button"
          aria-describedby={hintId}
          // Not `disabled`, which would drop the focus of whoever pressed it.
          aria-disabled={busy || undefined}
          onClick={busy ? undefined : () => void save()}
        >
          <span aria-hidden="true">📅 </span>
          {t('personalProgramme.download')}
        </button>
        <p className="field__hint" id={hintId}>
          {t('personalProgramme.downloadHint')}
        </p>
      </div>
      <p className="my-plan__status" role="status" data-testid="plan-status">
        {status}
      </p>
    </div>
  );
}
