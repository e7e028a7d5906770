import type { InteractionPanelProps } from './InteractionSection.tsx';

/** The session's questions: ask, vote up, moderate. (Being built: issue 15.) */
export function QuestionsPanel(_props: InteractionPanelProps) {
  return null;
}
