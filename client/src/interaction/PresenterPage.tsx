import { useParams, useSearchParams } from 'react-router';
import { PresenterPoll } from './PresenterPoll.tsx';

/**
 * `/sessions/:sessionId/present[?poll=<id>]`: full screen, large type, for sharing into the
 * video call: the question list, or one poll's results. (Being built: issue 15.)
 */
export function PresenterPage() {
  const { sessionId = '' } = useParams();
  const [search] = useSearchParams();
  const pollId = search.get('poll');
  return pollId ? <PresenterPoll sessionId={sessionId} pollId={pollId} /> : null;
}
