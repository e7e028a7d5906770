/** One poll's results in the presenter view. (Being built: issue 15.) */
export function PresenterPoll(_props: { sessionId: string; pollId: string }) {
  return null;
}
