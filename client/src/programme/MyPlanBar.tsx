import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadMyCalendar } from '../api/personalProgramme.ts';

/** What the status line says last, kept untranslated so it follows a change of language. */
export interface PlanAnnouncement {
  key: 'planned' | 'unplanned' | 'planFailed' | 'downloading' | 'downloaded' | 'downloadFailed';
  values?: { title?: string; filename?: string };
}

/**
 * A title or file name inside a translated sentence, isolated (FSI…PDI, what `<bdi>` does in
 * markup) so an English title ending in punctuation stays in order in an Arabic sentence.
 */
function isolated(values: PlanAnnouncement['values'] = {}): PlanAnnouncement['values'] & object {
  const isolate = (text: string | undefined) => text && `\u2068${text}\u2069`;
  return { title: isolate(values.title), filename: isolate(values.filename) };
}

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
  status: PlanAnnouncement | null;
  announce: (announcement: PlanAnnouncement) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  async function save() {
    setBusy(true);
    announce({ key: 'downloading' });
    try {
      const filename = await downloadMyCalendar();
      announce({ key: 'downloaded', values: { filename } });
    } catch {
      announce({ key: 'downloadFailed' });
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
          {t('personalProgramme.download')}
        </button>
        <p className="field__hint" id={hintId}>
          {t('personalProgramme.downloadHint')}
        </p>
      </div>
      <p className="my-plan__status" role="status" data-testid="plan-status">
        {status && t(`personalProgramme.${status.key}`, isolated(status.values))}
      </p>
    </div>
  );
}
