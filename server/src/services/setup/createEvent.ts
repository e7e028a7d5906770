import {
  updateEventRequestSchema,
  type ConferenceEvent,
  type UpdateEventRequest,
} from '@draftroom/shared';
import { randomId } from '../../lib/ids.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import type { AuthService } from '../auth/authService.ts';

/**
 * A new event and a single-use link for its first organiser. Only the command line does this:
 * an organiser belongs to one event, so creating another is an operator's job.
 */
export async function createEventWithOrganiserLink(
  persistence: ConferenceStore,
  auth: AuthService,
  request: UpdateEventRequest,
): Promise<{ event: ConferenceEvent; joinPath: string }> {
  const input = updateEventRequestSchema.parse(request);
  const event = await persistence.repositories.events.create({ id: randomId(), ...input });
  const { joinPath } = await auth.mintOrganiserLink(event.id, 'Created from the command line');
  return { event, joinPath };
}
