import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, ExportJob } from '@draftroom/shared';
import { CheckboxGroup } from '../ui/fields/CheckboxGroup.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { defaultExportChoice, ExportOptionsFields } from './ExportOptionsFields.tsx';
import { exportLocale } from './exportLocale.ts';
import { useExportJob } from './useExportJob.ts';

const building = (job: ExportJob | null) => job?.state === 'queued' || job?.state === 'running';

/**
 * "Export the guides" on a session's page, for those the server lets compile it: every group's
 * guide (or those ticked) in one document, with a title page, contents, a chapter per group and
 * the contributors by parliament. The server builds it as a job: the page shows how far it is,
 * says each step aloud once (not every half second), saves the file when it is ready, and can
 * cancel it.
 */
export function SessionExportPanel({
  sessionId,
  groups,
}: {
  sessionId: string;
  groups: BreakoutGroup[];
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [choice, setChoice] = useState(defaultExportChoice);
  const [chosen, setChosen] = useState<string[]>(() => groups.map((group) => group.guideId));
  const { job, savedAs, error, start, cancel, saveAgain } = useExportJob();
  const { status, announce } = useStatus();
  const stage = job === null ? null : job.state === 'running' ? job.phase : job.state;

  useEffect(() => {
    if (stage === null) return;
    const total = job?.total ?? 0;
    announce(stage === 'done' ? null : t(`exports.stage.${stage}`, { count: total, total }));
    // Announce each stage once; the counts in between are shown, not read out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage]);
  useEffect(() => {
    if (savedAs) announce(t('exports.downloaded', { filename: savedAs }));
  }, [savedAs, announce, t]);

  const compile = () =>
    void start(sessionId, {
      ...choice,
      locale: exportLocale(i18n.language),
      guideIds: chosen.length === groups.length ? undefined : chosen,
    });

  return (
    <section className="session-export" aria-labelledby={headingId} data-testid="session-export">
      <h2 id={headingId}>{t('exports.sessionHeading')}</h2>
      <p className="muted">{t('exports.sessionIntro')}</p>
      <form
        className="session-export__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!building(job) && chosen.length > 0) compile();
        }}
      >
        <ExportOptionsFields choice={choice} onChange={setChoice} />
        <CheckboxGroup
          legend={t('exports.guides')}
          options={groups.map((group) => ({ value: group.guideId, label: group.name }))}
          checked={chosen}
          onToggle={(guideId, on) =>
            setChosen((previous) =>
              on
                ? groups
                    .map((g) => g.guideId)
                    .filter((id) => id === guideId || previous.includes(id))
                : previous.filter((id) => id !== guideId),
            )
          }
          hint={chosen.length === 0 ? t('exports.chooseGuide') : undefined}
        />
        <div className="session-export__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={building(job) || chosen.length === 0}
          >
            {t('exports.compile')}
          </button>
          {building(job) && (
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('exports.cancel')}
            </button>
          )}
          {job?.state === 'done' && (
            <button type="button" className="button" onClick={() => void saveAgain()}>
              {t('exports.saveAgain')}
            </button>
          )}
        </div>
      </form>
      {building(job) && job && <ExportProgress job={job} />}
      {job?.state === 'failed' && <p className="notice notice--error">{t('exports.failed')}</p>}
      {error !== null && <ErrorNotice error={error} />}
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}

function ExportProgress({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  const id = useId();
  const label =
    job.state === 'queued'
      ? t('exports.stage.queued')
      : job.phase === 'reading'
        ? t('exports.reading', { done: job.done, total: job.total })
        : t('exports.stage.writing');
  return (
    <div className="session-export__progress" data-testid="export-progress">
      <label htmlFor={id}>{label}</label>
      {/* Indeterminate while the document itself is written: its end cannot be foreseen. */}
      <progress
        id={id}
        max={job.total}
        value={job.phase === 'reading' && job.state === 'running' ? job.done : undefined}
      />
    </div>
  );
}
