import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '@draftroom/shared';
import type { CollabSession } from '../collab/session.ts';
import { useStatus } from '../ui/useStatus.ts';
import { DotResults } from './DotResults.tsx';
import { DotVotePanel } from './DotVotePanel.tsx';
import { useGuideDotVotes } from './useGuideDotVotes.ts';
import '../styles/dotVotes.css';

/**
 * Dot votes on the open guide, as the guide page wires them: the panel beside the guide, and a
 * note for the history list (a closed vote's result beside the version taken when it closed).
 * A vote opening or closing (by this person or anyone) is said politely.
 */
export function useDotVotesBeside(guideId: string, session: CollabSession | null) {
  const { t } = useTranslation();
  const { status, announce } = useStatus();
  const { state, votes, put, reload } = useGuideDotVotes(guideId, session);

  // What was open last time the votes changed, to tell an opening or a closing apart.
  const openBefore = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!votes) return;
    const current = votes.votes.find((vote) => vote.status === 'open');
    const before = openBefore.current;
    openBefore.current = current?.id ?? null;
    if (before === undefined || before === (current?.id ?? null)) return;
    if (current) announce(t('dotVotes.said.opened', { title: current.title }));
    else {
      const ended = votes.votes.find((vote) => vote.id === before);
      if (ended) announce(t('dotVotes.said.closed', { title: ended.title }));
    }
  }, [votes, announce, t]);

  const panel = (
    <DotVotePanel
      guideId={guideId}
      state={state}
      votes={votes}
      status={status}
      announce={announce}
      onChanged={put}
      onRetry={reload}
    />
  );

  const versionNote = (version: GuideVersion) => {
    const vote = votes?.votes.find((candidate) => candidate.versionId === version.id);
    if (!vote?.totals) return null;
    return (
      <div className="dot-vote-note" data-testid="dot-vote-version-note">
        <p className="dot-vote-note__title">{t('dotVotes.inHistory', { count: vote.voters })}</p>
        <DotResults vote={vote} limit={5} />
      </div>
    );
  };

  return { panel, versionNote };
}
