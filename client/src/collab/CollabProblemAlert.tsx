import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeCodeName, closeCodes, limits } from '@draftroom/shared';
import type { CollabProblem } from './connectionState.ts';

const maxMegabytes = limits.maxMessageBytes / (1024 * 1024);

type Remedy = 'retry' | 'reload' | 'discard' | 'signIn' | 'myGuides';

/** What to tell the person, and the one action that can actually fix it. */
function useProblem(problem: CollabProblem): { message: string; remedy: Remedy } {
  const { t } = useTranslation();
  if (problem.kind === 'localTooLarge' || problem.code === closeCodes.messageTooLarge) {
    // Retrying would resend the same oversize change; only discarding it gets past the limit.
    return { message: t('collabProblem.tooLarge', { megabytes: maxMegabytes }), remedy: 'discard' };
  }
  switch (closeCodeName(problem.code)) {
    case 'unauthenticated':
      // Signed out (or the sign-in was revoked): only a fresh invite link gets back in.
      return { message: t('collabProblem.unauthenticated'), remedy: 'signIn' };
    case 'forbidden':
      // Access removed (e.g. taken out of the group): a facilitator has to put it back.
      return { message: t('collabProblem.forbidden'), remedy: 'myGuides' };
    case 'unknownMessageType':
      return { message: t('collabProblem.outdated'), remedy: 'reload' };
    case 'documentTooLarge':
      return { message: t('collabProblem.documentTooLarge'), remedy: 'discard' };
    case 'malformedMessage':
    case 'invalidUpdate':
      // This browser's copy holds a change the server refuses; resending it would loop.
      return { message: t('collabProblem.rejected'), remedy: 'discard' };
    default:
      return { message: t('collabProblem.other', { code: problem.code }), remedy: 'retry' };
  }
}

interface CollabProblemAlertProps {
  problem: CollabProblem;
  onRetry: () => void;
  onDiscard: () => Promise<void>;
}

/**
 * Explains why changes cannot reach the server and offers the action that fixes it. An alert,
 * because the person's work is at stake.
 */
export function CollabProblemAlert({ problem, onRetry, onDiscard }: CollabProblemAlertProps) {
  const { t } = useTranslation();
  const { message, remedy } = useProblem(problem);
  const [discarding, setDiscarding] = useState(false);

  const discard = async () => {
    if (discarding || !window.confirm(t('collabProblem.discardConfirm'))) return;
    setDiscarding(true);
    await onDiscard();
    window.location.reload();
  };

  return (
    <div className="notice notice--error" role="alert" data-testid="collab-problem">
      <p>{message}</p>
      <div className="notice__actions">
        {remedy === 'retry' && (
          <button type="button" className="button" onClick={onRetry}>
            {t('collabProblem.retry')}
          </button>
        )}
        {remedy === 'reload' && (
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('collabProblem.reload')}
          </button>
        )}
        {remedy === 'signIn' && (
          // A full page load, so the whole app learns that nobody is signed in any more.
          <a href="/" className="button">
            {t('collabProblem.toHome')}
          </a>
        )}
        {remedy === 'myGuides' && (
          <>
            <Link to="/" className="button">
              {t('collabProblem.toMyGuides')}
            </Link>
            {/* In case the facilitator has already put them back. */}
            <button type="button" className="button" onClick={onRetry}>
              {t('collabProblem.retry')}
            </button>
          </>
        )}
        {remedy === 'discard' && (
          <button
            type="button"
            className="button"
            aria-disabled={discarding}
            onClick={() => void discard()}
          >
            {t('collabProblem.discard')}
          </button>
        )}
      </div>
    </div>
  );
}
