import { useTranslation } from 'react-i18next';
import { apiPath, type SessionInteraction } from '@draftroom/shared';
import { useSessionInteraction } from '../sessionLive/useSessionInteraction.ts';
import { PollsPanel } from './PollsPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';

export interface InteractionPanelProps {
  interaction: SessionInteraction;
  /** Show an answer of the page's own request at once (the stream's next message follows). */
  accept: (next: SessionInteraction) => void;
}

/** A session's questions and polls on its page, live for everyone of the event. */
export function InteractionSection({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { state, accept } = useSessionInteraction(sessionId);
  if (state.status !== 'ready') return null;
  return (
    <>
      <QuestionsPanel interaction={state.data} accept={accept} />
      <PollsPanel interaction={state.data} accept={accept} />
      {state.data.canModerate && (
        // Those who run the session: everything, held and hidden questions and results not yet
        // revealed included (the server decides; this only offers it to them).
        <p className="interaction-export">
          <a href={apiPath('exportInteraction', { sessionId })} download>
            {t('questions.exportCsv')}
          </a>
        </p>
      )}
    </>
  );
}
