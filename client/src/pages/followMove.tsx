import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Guide } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';

/** What the guide page is told when it was opened because its person was moved here. */
interface MovedState {
  movedFrom: string;
}

/**
 * When the server closes this guide for lack of access (the person was moved to another group
 * of the session, say), and they now write in another guide of the same session, the page
 * follows them there and says why; otherwise it stays, showing the refusal.
 */
export function useFollowMove(guide: Guide, accessLost: boolean): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!accessLost || !guide.sessionId) return;
    const controller = new AbortController();
    callApi('listGuides', { signal: controller.signal }).then(
      ({ guides }) => {
        const next = guides.find(
          (other) =>
            other.sessionId === guide.sessionId &&
            other.id !== guide.id &&
            other.permission === 'write',
        );
        if (!next) return;
        const state: MovedState = { movedFrom: guide.title };
        navigate(`/g/${encodeURIComponent(next.id)}`, { state });
      },
      // Nothing to follow (or offline): the page keeps saying why it stopped.
      () => {},
    );
    return () => controller.abort();
  }, [accessLost, guide.id, guide.sessionId, guide.title, navigate]);
}

/** "You were moved to this group", announced, on the page the person followed to. */
export function MovedNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const movedFrom = (location.state as Partial<MovedState> | null)?.movedFrom;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // Filled just after the (empty) status region appears, so screen readers announce it.
    const timer = setTimeout(() => setShown(true), 100);
    return () => clearTimeout(timer);
  }, []);
  if (!movedFrom) return null;
  return (
    <p className="notice" role="status" data-testid="moved-notice">
      {shown ? t('guide.movedHere', { from: movedFrom }) : ''}
    </p>
  );
}
