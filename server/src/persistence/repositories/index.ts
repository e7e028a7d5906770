import { authSessionsRepository } from './authSessions.ts';
import { deviceLinksRepository } from './deviceLinks.ts';
import type { Db } from './database.ts';
import { eventsRepository } from './events.ts';
import { groupsRepository } from './groups.ts';
import { guidesRepository } from './guides.ts';
import { guideVersionsRepository } from './guideVersions.ts';
import { invitesRepository } from './invites.ts';
import { peopleRepository } from './people.ts';
import { sessionsRepository } from './sessions.ts';

export type { GroupRecord } from './groups.ts';
export type { PersonRecord } from './people.ts';
export type { InviteRecord } from './invites.ts';
export type { AuthSessionRecord } from './authSessions.ts';
export type { DeviceLinkRecord } from './deviceLinks.ts';
export type { GuideRecord } from './guides.ts';
export type { GuideVersionRecord } from './guideVersions.ts';

/** Every repository over one connection or transaction. */
export function createRepositories(db: Db) {
  return {
    events: eventsRepository(db),
    sessions: sessionsRepository(db),
    groups: groupsRepository(db),
    people: peopleRepository(db),
    invites: invitesRepository(db),
    authSessions: authSessionsRepository(db),
    deviceLinks: deviceLinksRepository(db),
    guides: guidesRepository(db),
    guideVersions: guideVersionsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
