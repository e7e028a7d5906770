import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerateQuestionRequest, Question } from '@draftroom/shared';

interface QuestionItemProps {
  question: Question;
  canTakePart: boolean;
  canModerate: boolean;
  busy: boolean;
  onVote: () => void;
  onModerate: (change: ModerateQuestionRequest) => void;
}

/** Who asked, as this person may know it. */
function useAsker(question: Question): string {
  const { t } = useTranslation();
  if (question.mine) return question.anonymous ? t('questions.youAnonymous') : t('questions.you');
  if (question.author === null) return t('questions.anonymous');
  // Only organisers get the name of an anonymous asker: remind them the room does not.
  return question.anonymous
    ? t('questions.anonymousToAudience', { name: question.author })
    : question.author;
}

/**
 * One question: the votes and the up-vote toggle, the text in its own direction, who asked, its
 * status where it is not simply open, and a moderator's buttons. Only approved questions take
 * votes (the server refuses the rest), so the others show the count alone.
 */
export function QuestionItem({
  question,
  canTakePart,
  canModerate,
  busy,
  onVote,
  onModerate,
}: QuestionItemProps) {
  const { t } = useTranslation();
  const textId = useId();
  const asker = useAsker(question);
  const status = question.pinned ? 'pinned' : question.status;
  return (
    <li
      className="question"
      data-status={status}
      data-testid="question"
      aria-busy={busy || undefined}
    >
      <div className="question__votes">
        <span className="question__count" data-testid="question-votes">
          {t('questions.votes', { count: question.votes })}
        </span>
        {question.status === 'approved' && (
          <button
            type="button"
            className="button button--small question__vote"
            aria-pressed={question.votedByMe}
            aria-describedby={textId}
            disabled={!canTakePart}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onVote();
            }}
          >
            <span aria-hidden="true">▲</span> {t('questions.vote')}
          </button>
        )}
      </div>
      <div className="question__body">
        {status !== 'approved' && (
          <p className="question__status" data-testid="question-status">
            {t(`questions.status.${status}`)}
          </p>
        )}
        <p className="question__text" id={textId} dir="auto">
          {question.text}
        </p>
        <p className="question__asker">
          <bdi>{asker}</bdi>
        </p>
        {canModerate && (
          <ModerationButtons
            question={question}
            busy={busy}
            describedBy={textId}
            onModerate={onModerate}
          />
        )}
      </div>
    </li>
  );
}

/** What a moderator may do next with a question, by where it stands. */
function ModerationButtons({
  question,
  busy,
  describedBy,
  onModerate,
}: {
  question: Question;
  busy: boolean;
  /** The question's text: a screen reader says which question "Approve" is for. */
  describedBy: string;
  onModerate: (change: ModerateQuestionRequest) => void;
}) {
  const { t } = useTranslation();
  const buttons: Array<[label: string, change: ModerateQuestionRequest]> = [];
  if (question.status === 'pending' || question.status === 'hidden') {
    buttons.push([t('questions.moderation.approve'), { status: 'approved' }]);
  }
  if (question.status === 'approved') {
    buttons.push(
      question.pinned
        ? [t('questions.moderation.unpin'), { pinned: false }]
        : [t('questions.moderation.pin'), { pinned: true }],
      [t('questions.moderation.markAnswered'), { status: 'answered' }],
    );
  }
  if (question.status === 'answered') {
    buttons.push([t('questions.moderation.reopen'), { status: 'approved' }]);
  }
  if (question.status !== 'hidden') {
    buttons.push([t('questions.moderation.hide'), { status: 'hidden' }]);
  }
  return (
    <div className="question__moderation">
      {buttons.map(([label, change]) => (
        <button
          key={label}
          type="button"
          className="button button--small"
          aria-describedby={describedBy}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onModerate(change);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
