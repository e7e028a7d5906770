import { attendanceRepository } from './attendance.ts';
import { authSessionsRepository } from './authSessions.ts';
import { commentsRepository } from './comments.ts';
import { interactionRepository } from './interaction.ts';
import { dotVotesRepository } from './dotVotes.ts';
import { mailOutboxRepository } from './mailOutbox.ts';
import { registrationRepository } from './registration.ts';
import { contributionsRepository } from './contributions.ts';
import { guideLocksRepository } from './guideLocks.ts';
import { guideReviewsRepository } from './guideReviews.ts';
import { sessionLiveRepository } from './sessionLive.ts';
import { deviceLinksRepository } from './deviceLinks.ts';
import { dialectOf, type Db } from './database.ts';
import { eventsRepository } from './events.ts';
import { groupsRepository } from './groups.ts';
import { guidesRepository } from './guides.ts';
import { guideVersionsRepository } from './guideVersions.ts';
import { invitesRepository } from './invites.ts';
import { peopleRepository } from './people.ts';
import { sessionsRepository } from './sessions.ts';
import { templatesRepository } from './templates.ts';
import { practicesRepository } from './practices.ts';
import { searchIndexRepository } from './searchIndex.ts';
import { postgresSearchIndexRepository } from './searchIndexPostgres.ts';

export type { GroupRecord } from './groups.ts';
export type { PersonRecord } from './people.ts';
export type { InviteRecord } from './invites.ts';
export type { AuthSessionRecord } from './authSessions.ts';
export type { DeviceLinkRecord } from './deviceLinks.ts';
export type { GuideRecord } from './guides.ts';
export type { CommentRecord, CommentThreadRecord } from './comments.ts';
export type { BallotRecord, ListedQuestion, PollRecord, QuestionRecord } from './interaction.ts';
export type { DotAllocationRecord, DotVoteRecord } from './dotVotes.ts';
export type { MailKind, NewOutboxMessage, OutboxRecord, OutboxStatus } from './mailOutbox.ts';
export type {
  DelegateRecord,
  DelegationRecord,
  DelegationSource,
  RegistrationSettingsRecord,
} from './registration.ts';
export type { ContributionRecord } from './contributions.ts';
export type { GuideLockRecord, LockReason } from './guideLocks.ts';
export type { GuideReviewRecord, ReviewMoveRecord } from './guideReviews.ts';
export type { AnnouncementRecord, SessionLiveRecord, TimerRecord } from './sessionLive.ts';
export type { TemplateRecord } from './templates.ts';
export type { PracticeRecord, PracticeVersionRecord } from './practices.ts';
export type { GuideVersionRecord } from './guideVersions.ts';
export type { SearchBlockRow, SearchMatchRow } from './searchIndex.ts';
export type { PostgresSearchBlockRow } from './searchIndexPostgres.ts';
export type { Dialect } from './database.ts';

/** Every repository over one connection or transaction. */
export function createRepositories(db: Db) {
  return {
    /** Which database these run on (the search index is the one part written per dialect). */
    dialect: dialectOf(db),
    events: eventsRepository(db),
    sessions: sessionsRepository(db),
    groups: groupsRepository(db),
    people: peopleRepository(db),
    invites: invitesRepository(db),
    authSessions: authSessionsRepository(db),
    deviceLinks: deviceLinksRepository(db),
    guides: guidesRepository(db),
    contributions: contributionsRepository(db),
    guideLocks: guideLocksRepository(db),
    guideReviews: guideReviewsRepository(db),
    sessionLive: sessionLiveRepository(db),
    templates: templatesRepository(db),
    guideVersions: guideVersionsRepository(db),
    // Each works on its own dialect only; `services/search/searchIndexFor` picks by `dialect`.
    searchIndex: searchIndexRepository(db),
    postgresSearchIndex: postgresSearchIndexRepository(db),
    comments: commentsRepository(db),
    interaction: interactionRepository(db),
    dotVotes: dotVotesRepository(db),
    mailOutbox: mailOutboxRepository(db),
    registration: registrationRepository(db),
    attendance: attendanceRepository(db),
    practices: practicesRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
