import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Question, SessionInteraction } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import type { InteractionPanelProps } from './InteractionSection.tsx';
import { AskForm } from './AskForm.tsx';
import { QuestionItem } from './QuestionItem.tsx';
import { groupQuestions, questionChanges, type QuestionChange } from './questionList.ts';
import { useQuestionActions } from './useQuestionActions.ts';
import '../styles/questions.css';

/**
 * The session's questions: ask (anonymously if one likes), vote up, and for those who run the
 * session, hold for approval, approve, hide, pin as being answered, mark answered. Everything
 * arrives live on the session's stream; what others did (a new question, a moderator's change)
 * is said in a polite status region, but not each vote, which would drown the session.
 */
export function QuestionsPanel({ interaction, accept }: InteractionPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { sessionId, canModerate, canTakePart } = interaction;
  const { status, announce } = useStatus();
  const actions = useQuestionActions(sessionId, accept);
  useAnnouncedChanges(interaction, announce);
  const { open, answered } = groupQuestions(interaction.questions);

  const item = (question: Question) => (
    <QuestionItem
      key={question.id}
      question={question}
      canTakePart={canTakePart}
      canModerate={canModerate}
      busy={actions.busyId === question.id}
      onVote={() => void actions.toggleVote(question)}
      onModerate={(change) => void actions.moderate(question, change)}
    />
  );

  return (
    <section className="questions" aria-labelledby={headingId} data-testid="questions">
      <h2 id={headingId}>{t('questions.heading')}</h2>
      {canModerate && (
        <div className="questions__moderation">
          <div className="questions-ask__anonymous">
            <input
              id={`${headingId}-hold`}
              type="checkbox"
              checked={actions.holdAsked ?? interaction.moderated}
              aria-describedby={`${headingId}-hold-hint`}
              aria-disabled={actions.busyId === 'settings' || undefined}
              onChange={(event) => {
                if (actions.busyId !== 'settings') void actions.setHold(event.target.checked);
              }}
            />
            <div>
              <label htmlFor={`${headingId}-hold`}>{t('questions.moderation.hold')}</label>
              <p className="field__hint" id={`${headingId}-hold-hint`}>
                {t('questions.moderation.holdHint')}
              </p>
            </div>
          </div>
          <Link className="button" to={`/sessions/${encodeURIComponent(sessionId)}/present`}>
            {t('questions.moderation.presenter')}
          </Link>
        </div>
      )}
      {canTakePart ? (
        <AskForm
          sessionId={sessionId}
          onAsked={(question) =>
            announce(
              question.status === 'pending' ? t('questions.ask.sentHeld') : t('questions.ask.sent'),
            )
          }
        />
      ) : (
        <p className="notice">{t('questions.ask.observer')}</p>
      )}
      <StatusMessage message={status.message} id={status.id} />
      {actions.error !== null && <ErrorNotice error={actions.error} />}
      <Counts interaction={interaction} />
      {open.length === 0 && answered.length === 0 ? (
        <p className="empty-state">{t('questions.empty')}</p>
      ) : (
        open.length > 0 && (
          <ul className="question-list" aria-label={t('questions.listLabel')}>
            {open.map(item)}
          </ul>
        )
      )}
      {answered.length > 0 && (
        <details className="questions__answered" data-testid="answered-questions">
          <summary>{t('questions.answeredGroup', { count: answered.length })}</summary>
          <ul className="question-list">{answered.map(item)}</ul>
        </details>
      )}
    </section>
  );
}

/** How many the audience does not see: moderation is open about itself. */
function Counts({ interaction }: { interaction: SessionInteraction }) {
  const { t } = useTranslation();
  const { hiddenCount, pendingCount } = interaction;
  if (hiddenCount === 0 && pendingCount === 0) return null;
  return (
    <p className="questions__counts" data-testid="question-counts">
      {hiddenCount > 0 && <span>{t('questions.hiddenCount', { count: hiddenCount })}</span>}
      {pendingCount > 0 && <span>{t('questions.pendingCount', { count: pendingCount })}</span>}
    </p>
  );
}

/** Says what changed since the last state the page showed (see `questionChanges`). */
function useAnnouncedChanges(
  interaction: SessionInteraction,
  announce: (message: string | null) => void,
) {
  const { t } = useTranslation();
  const previous = useRef<SessionInteraction | null>(null);
  useEffect(() => {
    const changes = questionChanges(previous.current, interaction);
    previous.current = interaction;
    if (changes.length > 0) announce(changes.map((change) => sentence(change, t)).join(' '));
  }, [interaction, announce, t]);
}

function sentence(change: QuestionChange, t: TFunction): string {
  switch (change.kind) {
    case 'asked':
      return t('questions.changes.asked', { count: change.count });
    case 'waiting':
      return t('questions.changes.waiting', { count: change.count });
    case 'approved':
      return t('questions.changes.approved', { count: change.count });
    case 'hidden':
      return t('questions.changes.hidden', { count: change.count });
    case 'answered':
      return t('questions.changes.answered', { count: change.count });
    case 'mineApproved':
      return t('questions.changes.mineApproved');
    case 'mineHidden':
      return t('questions.changes.mineHidden');
    case 'holdOn':
      return t('questions.changes.holdOn');
    case 'holdOff':
      return t('questions.changes.holdOff');
    case 'pinned':
      return t('questions.changes.pinned', { text: change.text });
  }
}
