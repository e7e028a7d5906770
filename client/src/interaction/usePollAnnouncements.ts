import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '@draftroom/shared';
import { pollChanges, type PollChange } from './pollLogic.ts';

/**
 * What a status region says about these polls: each one opened, closed, revealed or hidden since
 * the page first saw them (never single votes). Kept as changes, not sentences, so that a change
 * of language rewords what is on screen. `id` changes with every new announcement; `polls` is
 * null while they are not known yet.
 */
export function usePollAnnouncements(polls: readonly Poll[] | null): {
  message: string | null;
  id: number;
} {
  const { t } = useTranslation();
  const seen = useRef<readonly Poll[] | null>(null);
  const [said, setSaid] = useState<{
    changes: { change: PollChange; question: string }[];
    id: number;
  }>({ changes: [], id: 0 });
  useEffect(() => {
    if (polls === null) return;
    const changes = pollChanges(seen.current, polls).flatMap(({ id, change }) => {
      const poll = polls.find((candidate) => candidate.id === id);
      return poll ? [{ change, question: poll.question }] : [];
    });
    seen.current = polls;
    if (changes.length > 0) setSaid((previous) => ({ changes, id: previous.id + 1 }));
  }, [polls]);
  const message =
    said.changes.length === 0
      ? null
      : said.changes
          // The question is someone's text in any script: isolated (FSI…PDI), as <bdi> would.
          .map(({ change, question }) =>
            t(`polls.announce.${change}`, { question: `\u2068${question}\u2069` }),
          )
          .join(' ');
  return { message, id: said.id };
}
