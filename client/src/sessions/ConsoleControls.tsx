import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxTimerMinutes,
  sessionPhases,
  type SessionConsole,
  type SessionLive,
  type TimerAction,
} from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { TextField } from '../ui/fields/TextField.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';

interface ConsoleControlsProps {
  sessionId: string;
  live: SessionLive;
  groups: SessionConsole['groups'];
  onChanged: () => void;
}

/** The console's controls: timer, phase, announcements and locks, for every group at once. */
export function ConsoleControls({ sessionId, live, groups, onChanged }: ConsoleControlsProps) {
  const { t, i18n } = useTranslation();
  const { status, busy, error, run } = useAnnouncedAction(onChanged);
  const [minutes, setMinutes] = useState('20');
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const timer = (body: TimerAction, said: string) =>
    run(async () => {
      await callApi('sessionTimer', { params: { sessionId }, body });
      return said;
    });
  const params = { sessionId };
  const allLocked = groups.length > 0 && groups.every((group) => group.locked);
  const wholeMinutes = Number(minutes);
  const minutesValid =
    Number.isInteger(wholeMinutes) && wholeMinutes >= 1 && wholeMinutes <= maxTimerMinutes;

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    void run(async () => {
      await callApi('announce', { params, body: { text, groupId: target || null } });
      setText('');
      return t('console.announced');
    });
  };

  return (
    <>
      <div className="console-controls">
        <section aria-labelledby="console-timer" className="console-controls__block">
          <h2 id="console-timer">{t('console.timerHeading')}</h2>
          <TextField
            label={t('console.minutes')}
            type="number"
            min={1}
            max={maxTimerMinutes}
            value={minutes}
            onChange={setMinutes}
            {...(minutesValid ? {} : { hint: t('console.minutesHint', { max: maxTimerMinutes }) })}
          />
          <div className="console-controls__buttons">
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy || !minutesValid}
              onClick={() =>
                minutesValid &&
                void timer(
                  { action: 'start', minutes: wholeMinutes },
                  t('console.timerStarted', { count: wholeMinutes }),
                )
              }
            >
              {live.timer ? t('console.restart') : t('console.start')}
            </button>
            {timerActions(live.timer).map(([body, label, said]) => (
              <button
                key={body.action}
                type="button"
                className="button"
                aria-disabled={busy}
                onClick={() => void timer(body, t(said))}
              >
                {t(label)}
              </button>
            ))}
          </div>
        </section>

        <section aria-labelledby="console-phase" className="console-controls__block">
          <h2 id="console-phase">{t('console.phaseHeading')}</h2>
          <SelectField
            label={t('console.phase')}
            value={live.phase ?? ''}
            placeholder={t('console.noPhase')}
            options={sessionPhases.map((phase) => ({
              value: phase,
              label: t(`live.phase.${phase}`),
            }))}
            onChange={(value) =>
              void run(async () => {
                const phase = sessionPhases.find((known) => known === value) ?? null;
                await callApi('sessionPhase', { params, body: { phase } });
                return phase
                  ? t('console.phaseSet', { phase: t(`live.phase.${phase}`) })
                  : t('console.phaseCleared');
              })
            }
          />
        </section>

        <section aria-labelledby="console-announce" className="console-controls__block">
          <h2 id="console-announce">{t('console.announceHeading')}</h2>
          <form onSubmit={send}>
            <TextField
              label={t('console.announcement')}
              value={text}
              onChange={setText}
              maxLength={500}
              multiline
            />
            <SelectField
              label={t('console.to')}
              value={target}
              options={[
                { value: '', label: t('console.allGroups') },
                ...groups.map((group) => ({ value: group.groupId, label: group.name })),
              ]}
              onChange={setTarget}
            />
            <button type="submit" className="button button--primary" aria-disabled={busy}>
              {t('console.send')}
            </button>
          </form>
        </section>

        <section aria-labelledby="console-locks" className="console-controls__block">
          <h2 id="console-locks">{t('console.locksHeading')}</h2>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                const { guides } = await callApi('setSessionLock', {
                  params,
                  body: { locked: !allLocked },
                });
                return t(allLocked ? 'session.unlockedAll' : 'session.lockedAll', {
                  count: guides.length,
                });
              })
            }
          >
            {allLocked ? t('session.unlockAll') : t('session.lockAll')}
          </button>
          <p className="console-controls__freeze" data-testid="freeze-state">
            {live.freeze
              ? t(live.freeze.done ? 'console.frozen' : 'console.freezeScheduled', {
                  at: formatDateTime(live.freeze.at, i18n.language, viewerTimeZone()),
                })
              : t('console.freezeNone')}
          </p>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                const scheduled = live.freeze === null;
                await callApi('sessionFreeze', { params, body: { scheduled } });
                return t(scheduled ? 'console.freezeSet' : 'console.freezeCancelled');
              })
            }
          >
            {live.freeze ? t('console.cancelFreeze') : t('console.scheduleFreeze')}
          </button>
        </section>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <StatusMessage message={status.message} id={status.id} />
    </>
  );
}

/** The timer's buttons after "Start": what each sends, its label and what it announces. */
function timerActions(
  timer: SessionLive['timer'],
): Array<
  [
    TimerAction,
    `console.${'pause' | 'resume' | 'extend' | 'end'}`,
    `console.timer${'Paused' | 'Resumed' | 'Extended' | 'Ended'}`,
  ]
> {
  if (!timer) return [];
  return [
    timer.state === 'running'
      ? [{ action: 'pause' }, 'console.pause', 'console.timerPaused']
      : [{ action: 'resume' }, 'console.resume', 'console.timerResumed'],
    [{ action: 'extend', minutes: 5 }, 'console.extend', 'console.timerExtended'],
    [{ action: 'end' }, 'console.end', 'console.timerEnded'],
  ];
}
