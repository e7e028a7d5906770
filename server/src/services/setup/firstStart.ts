import { randomId } from '../../lib/ids.ts';
import type { ConferenceStore } from '../../persistence/index.ts';
import type { AuthService } from '../auth/authService.ts';
import {
  seedDemoConference,
  type FirstStartLinks,
  type WriteGuide,
} from '../demo/demoConference.ts';

/**
 * What a fresh database needs before anyone can sign in: an event and a way in. With the demo,
 * the demo conference and a link per role; without it, an empty event and one single-use
 * organiser link. Returns the links to print; none when the database was set up before (links
 * are shown once; `pnpm cli organiser-link` makes more).
 */
export async function prepareFirstStart(
  persistence: ConferenceStore,
  auth: AuthService,
  options: { demo: boolean; writeGuide: WriteGuide },
): Promise<FirstStartLinks> {
  if (options.demo) return seedDemoConference(persistence, auth, options.writeGuide);
  if ((await persistence.repositories.events.count()) > 0) return { join: [], registration: [] };
  const today = new Date().toISOString().slice(0, 10);
  const eventId = randomId();
  await persistence.repositories.events.create({
    id: eventId,
    name: 'New conference',
    startsOn: today,
    endsOn: today,
    timeZone: 'UTC',
    languages: ['en', 'fr', 'es', 'ar'],
  });
  // Guides from before events existed belong to the first one.
  await persistence.repositories.guides.adoptUnowned(eventId);
  const { joinPath } = await auth.mintOrganiserLink(eventId, 'First start');
  return { join: [{ role: 'organiser', scopeName: 'New conference', joinPath }], registration: [] };
}
