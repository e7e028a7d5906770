import { useParams } from 'react-router';
import { SessionGroups } from './SessionGroups.tsx';

/** `/organise/sessions/:sessionId`: a co-creation session's groups and who is in each. */
export function SessionGroupsPage() {
  const { sessionId = '' } = useParams();
  // Keyed, so moving to another session starts from a clean slate instead of the last one's data.
  return <SessionGroups key={sessionId} sessionId={sessionId} />;
}
