import {
  cleanText,
  maxQuestionLength,
  textProblem,
  type AskQuestionRequest,
} from '@draftroom/shared';
import type { Mapped, Problem } from '../ui/form/problems.ts';

export interface AskValues {
  text: string;
  anonymous: boolean;
}

const textProblemKeys = {
  control_character: 'controlCharacter',
  direction_control: 'directionControl',
  no_visible_characters: 'noVisibleCharacters',
} as const;

/**
 * A question, checked in the browser by the server's own rules (`personText`, multi-line, at
 * most 500 characters after trimming), so the person reads the problem in their language before
 * anything is sent. The server checks again: this only words it.
 */
export function checkQuestion(values: AskValues): Mapped<AskQuestionRequest, 'text'> {
  const text = cleanText(values.text);
  let problem: Problem | undefined;
  if (text === '') problem = { key: 'required' };
  else if (text.length > maxQuestionLength) {
    problem = { key: 'tooLong', values: { count: maxQuestionLength } };
  } else {
    const found = textProblem(text, { multiline: true });
    if (found) problem = { key: textProblemKeys[found] };
  }
  return problem
    ? { ok: false, problems: { text: problem } }
    : { ok: true, request: { text, anonymous: values.anonymous } };
}
