import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '@draftroom/shared';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import type { InteractionPanelProps } from './InteractionSection.tsx';
import { PollCard } from './PollCard.tsx';
import { PollForm } from './PollForm.tsx';
import { usePollAnnouncements } from './usePollAnnouncements.ts';
import '../styles/polls.css';

/**
 * The session's polls, newest first: everyone votes in the open ones (observers watch), and
 * those who run the session prepare, open, reveal, close and remove them. A poll opened, closed,
 * revealed or hidden is said once in a polite status region; single votes are not (the count
 * under each poll changes quietly).
 */
export function PollsPanel({ interaction, accept }: InteractionPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { polls, canModerate, sessionId } = interaction;
  const status = usePollAnnouncements(polls);

  /** Shows a poll the page's own request returned at once; the stream's next view follows. */
  const showPoll = (poll: Poll) =>
    accept({
      ...interaction,
      polls: interaction.polls.some((p) => p.id === poll.id)
        ? interaction.polls.map((p) => (p.id === poll.id ? poll : p))
        : [poll, ...interaction.polls],
    });
  const forgetPoll = (pollId: string) =>
    accept({ ...interaction, polls: interaction.polls.filter((p) => p.id !== pollId) });

  return (
    <section className="polls" aria-labelledby={headingId} data-testid="polls">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('polls.heading')}
      </h2>
      <StatusMessage message={status.message} id={status.id} />
      {canModerate && <PollForm sessionId={sessionId} onCreated={showPoll} />}
      {polls.length === 0 ? (
        <p className="empty-state">{t('polls.empty')}</p>
      ) : (
        <ul className="polls__list">
          {polls.map((poll) => (
            <PollCard
              key={poll.id}
              poll={poll}
              sessionId={sessionId}
              canModerate={canModerate}
              canTakePart={interaction.canTakePart}
              onChanged={showPoll}
              onRemoved={(pollId) => {
                forgetPoll(pollId);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
