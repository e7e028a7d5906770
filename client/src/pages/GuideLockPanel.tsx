import { useTranslation } from 'react-i18next';
import type { Guide } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';

/**
 * For the group's facilitators and the organisers (`guide.canLock`): whether the guide is
 * locked, and the button that locks or unlocks it. Participants' open editors follow at once
 * (the server tells them); this page refreshes the guide to show the new state.
 */
export function GuideLockPanel({ guide, onChanged }: { guide: Guide; onChanged: () => void }) {
  const { t } = useTranslation();
  const { status, busy, error, run } = useAnnouncedAction(onChanged);
  const locked = guide.lock !== null;
  const toggle = () =>
    run(async () => {
      await callApi('setGuideLock', { params: { guideId: guide.id }, body: { locked: !locked } });
      return t(locked ? 'guideLock.unlockedNow' : 'guideLock.lockedNow');
    });

  return (
    <section className="guide-lock" aria-labelledby="guide-lock-heading">
      <h2 id="guide-lock-heading" className="panel-heading">
        {t('guideLock.heading')}
      </h2>
      <p className="guide-lock__state" data-testid="guide-lock-state">
        {locked
          ? t(`guideLock.locked.${guide.lock?.reason ?? 'facilitator'}`)
          : t('guideLock.open')}
      </p>
      <button
        type="button"
        className="button button--small"
        aria-disabled={busy}
        onClick={() => void toggle()}
      >
        {locked ? t('guideLock.unlock') : t('guideLock.lock')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}
