import type { ReactNode } from 'react';
import type { Problem } from '../form/problems.ts';
import { useProblemText } from '../form/useProblemText.ts';

interface FieldMessagesProps {
  hintId: string;
  errorId: string;
  hint?: ReactNode;
  problem?: Problem;
  /** The server's own (English) message, when it refused a value the browser let through. */
  serverMessage?: string;
}

/** The hint and the error under a control, with the ids its `aria-describedby` points to. */
export function FieldMessages({
  hintId,
  errorId,
  hint,
  problem,
  serverMessage,
}: FieldMessagesProps) {
  const problemText = useProblemText();
  return (
    <>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field__error" id={errorId}>
          {problemText(problem)}
        </p>
      ) : serverMessage ? (
        <p className="field__error" id={errorId} lang="en" dir="auto">
          {serverMessage}
        </p>
      ) : null}
    </>
  );
}
