import type { InteractionPanelProps } from './InteractionSection.tsx';

/** The session's polls: vote, and for those who run it, prepare, open, reveal, close. (Being built: issue 15.) */
export function PollsPanel(_props: InteractionPanelProps) {
  return null;
}
