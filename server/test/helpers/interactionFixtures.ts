import { apiPath, type Poll, type Question } from '@draftroom/shared';
import type { World } from './actors.ts';

/**
 * Questions and polls of session S for the authorization matrix, made by the organiser: one
 * question and one open poll shared by every actor (each votes once), and fresh polls for calls
 * that remove one.
 */
let matrixQuestion: Promise<string> | undefined;
export const Q = async (w: World) => {
  matrixQuestion ??= w.organiser
    .expect<Question>(201, 'POST', apiPath('askQuestion', { sessionId: w.sessionS.id }), {
      text: 'Which practice should every parliament adopt first?',
    })
    .then((question) => question.id);
  return { params: { sessionId: w.sessionS.id, questionId: await matrixQuestion } };
};

export const pollInput = {
  kind: 'single',
  question: 'Which format suits you best?',
  options: ['Plenary', 'Breakout groups'],
};

/** A draft poll of session S (a fresh one each call). */
export const draftPoll = async (w: World) => {
  const poll = await w.organiser.expect<Poll>(
    201,
    'POST',
    apiPath('createPoll', { sessionId: w.sessionS.id }),
    pollInput,
  );
  return { params: { sessionId: w.sessionS.id, pollId: poll.id } };
};

let matrixPoll: Promise<{ params: { sessionId: string; pollId: string } }> | undefined;
/** One open poll of session S, shared by every actor. */
export const P = (w: World) =>
  (matrixPoll ??= draftPoll(w).then(async (call) => {
    await w.organiser.expect<Poll>(200, 'POST', apiPath('pollAction', call.params), {
      action: 'open',
    });
    return call;
  }));
