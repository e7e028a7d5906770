import {
  builtInTemplateId,
  type ConferenceSession,
  type CreatedInvite,
  type Role,
  type Scope,
  type SessionKind,
} from '@draftroom/shared';
import { randomId } from '../../lib/ids.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { ConferenceStore, Repositories } from '../../persistence/index.ts';
import type { AuthService } from '../auth/authService.ts';
import { demoGuides } from './demoGuides.ts';
import { seedDemoPractices } from './demoPractices.ts';
import { encodeGuideBody } from './guideBody.ts';

/**
 * The demo conference seeded on first start: the 9th World e-Parliament Conference (online,
 * 16–18 June 2021), a few sessions of each kind, and one co-creation session with four groups
 * already writing their guides. It returns a link for every role, so a newcomer can open them
 * in separate browser windows and try everything at once.
 */
export interface StartupLink {
  role: Role;
  scopeName: string;
  joinPath: string;
}

/** A focal point's private registration link, printed at first start beside the join links. */
export interface StartupRegistrationLink {
  parliament: string;
  registrationPath: string;
}

/** What a first start prints: the join links, and the demo's registration link. */
export interface FirstStartLinks {
  join: StartupLink[];
  registration: StartupRegistrationLink[];
}

const day = 24 * 60 * 60 * 1000;
const at = (date: string, time: string) => `${date}T${time}:00.000Z`;

type DemoSession = Omit<ConferenceSession, 'id' | 'eventId' | 'selfSelect' | 'templateId'> & {
  selfSelect?: boolean;
  templateId?: string | null;
};

const session = (
  kind: SessionKind,
  title: string,
  description: string,
  date: string,
  start: string,
  end: string,
  audience: ConferenceSession['audience'],
): DemoSession => ({
  kind,
  title,
  description,
  startsAt: at(date, start),
  endsAt: at(date, end),
  audience,
  languages: ['en', 'fr', 'es', 'ar'],
});

const sessions: DemoSession[] = [
  session(
    'thought-leader-debate',
    'Parliaments after the pandemic: what stays digital?',
    'Speakers of parliament and secretaries general debate which emergency measures should become permanent.',
    '2021-06-16',
    '12:00',
    '13:30',
    ['digital-ict', 'communications'],
  ),
  session(
    'good-practice-exchange',
    'Open parliamentary data in practice',
    'Three parliaments show how they publish bills, votes and debates as open data.',
    '2021-06-16',
    '14:00',
    '15:00',
    ['parliamentary-websites', 'digital-ict'],
  ),
  session(
    'thought-leader-debate',
    'Trust, disinformation and social media',
    'How parliaments can stay present on social platforms without amplifying disinformation.',
    '2021-06-17',
    '12:00',
    '13:30',
    ['social-media', 'communications', 'citizen-engagement'],
  ),
  session(
    'good-practice-exchange',
    'Research services for a virtual parliament',
    'Library and research services on supporting members who work remotely.',
    '2021-06-17',
    '14:00',
    '15:00',
    ['library-research'],
  ),
  {
    ...session(
      'co-creation',
      'Co-creating practical guides',
      'Breakout groups write a practical guide each, live, in their working language. The guides are compiled and published after the conference.',
      '2021-06-18',
      '12:00',
      '14:00',
      [
        'digital-ict',
        'social-media',
        'parliamentary-websites',
        'communications',
        'library-research',
        'citizen-engagement',
      ],
    ),
    selfSelect: true,
    // A group an organiser adds to try it out starts from the practical guide.
    templateId: builtInTemplateId,
  },
];

const groups = [
  { name: 'Remote sittings', workingLanguage: 'en', guide: 0 },
  { name: 'Social media for committees', workingLanguage: 'en', guide: 1 },
  { name: 'Données ouvertes', workingLanguage: 'fr', guide: 2 },
  { name: 'البحث البرلماني', workingLanguage: 'ar', guide: 3 },
] as const;

/** People already in the groups, so the session page shows who is where. */
const members = [
  ['Amina Odhiambo', 'National Assembly of Kenya', 'KE', 'en', 0],
  ['Tomás Herrera', 'Cámara de Diputados de Chile', 'CL', 'es', 0],
  ['Liisa Korhonen', 'Parliament of Finland', 'FI', 'en', 1],
  ['Rahul Mehta', 'Lok Sabha', 'IN', 'en', 1],
  ['Claire Dubois', 'Assemblée nationale', 'FR', 'fr', 2],
  ['Moussa Diallo', 'Assemblée nationale du Sénégal', 'SN', 'fr', 2],
  ['Layla Haddad', 'Parliament of Jordan', 'JO', 'ar', 3],
  ['Omar Al-Farsi', 'Majlis Oman', 'OM', 'ar', 3],
] as const;

/**
 * Writes a guide's first content. The server passes its document host, so the demo's text takes
 * the same checked, stored path as anyone's edit (nothing is appended behind a guide's back).
 */
export type WriteGuide = (guideId: string, content: Uint8Array) => Promise<void>;

/**
 * Registration open for 30 days from the first start, and one invited parliament whose focal
 * point's link is printed, so registering a delegation and approving it can be tried at once.
 */
async function seedDemoRegistration(
  repos: Repositories,
  eventId: string,
): Promise<StartupRegistrationLink> {
  const now = new Date().toISOString();
  await repos.registration.saveSettings({
    eventId,
    open: true,
    deadline: new Date(Date.now() + 30 * day).toISOString(),
    publicToken: null,
    updatedAt: now,
  });
  const token = newToken();
  const parliament = 'Parliament of Ghana';
  await repos.registration.createDelegation({
    id: randomId(),
    eventId,
    parliament,
    country: 'GH',
    focalName: 'Kwame Mensah',
    focalEmail: 'focal.point@parliament.gh.example',
    tokenHash: hashToken(token),
    source: 'invited',
    reopenedUntil: null,
    submittedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  return { parliament, registrationPath: `/register/${token}` };
}

/** Seeds the demo if there is no event yet; returns the links to print (none if it existed). */
export async function seedDemoConference(
  persistence: ConferenceStore,
  auth: AuthService,
  writeGuide: WriteGuide,
): Promise<FirstStartLinks> {
  if ((await persistence.repositories.events.count()) > 0) return { join: [], registration: [] };
  const eventId = randomId();
  const newGuideIds = new Set<string>();
  const links = await persistence.transaction(async (repos) => {
    await repos.events.create({
      id: eventId,
      name: '9th World e-Parliament Conference',
      startsOn: '2021-06-16',
      endsOn: '2021-06-18',
      timeZone: 'Europe/Zurich',
      languages: ['en', 'fr', 'es', 'ar'],
    });
    let coCreation: ConferenceSession | undefined;
    for (const demo of sessions) {
      const created = await repos.sessions.create({
        id: randomId(),
        eventId,
        selfSelect: false,
        templateId: null,
        ...demo,
      });
      if (created.kind === 'co-creation') coCreation = created;
    }
    if (!coCreation) throw new Error('the demo has a co-creation session');
    // A database from before events existed may hold the demo guides already (and others): they
    // become this event's, and keep their text.
    await repos.guides.adoptUnowned(eventId);
    const groupIds: string[] = [];
    for (const [index, group] of groups.entries()) {
      const guide = demoGuides[group.guide];
      if (!guide) throw new Error(`demo guide ${group.guide} is missing`);
      const createdAt = new Date(Date.UTC(2021, 5, 18, 12, index)).toISOString();
      if (await repos.guides.get(guide.id)) {
        await repos.guides.rename(guide.id, group.name);
      } else {
        await repos.guides.create({ id: guide.id, title: group.name, createdAt, eventId });
        newGuideIds.add(guide.id);
      }
      // Its text is the demo's (or what it held already): never the session's template on top.
      await repos.guides.settleTemplate(guide.id, createdAt);
      const id = randomId();
      await repos.groups.create({
        id,
        sessionId: coCreation.id,
        name: group.name,
        workingLanguage: group.workingLanguage,
        capacity: 20,
        guideId: guide.id,
      });
      groupIds.push(id);
    }
    for (const [displayName, parliament, country, language, group] of members) {
      const id = randomId();
      await repos.people.create({
        id,
        eventId,
        displayName,
        parliament,
        country,
        preferredLanguage: language,
        email: null,
        role: 'participant',
        scope: { type: 'session', id: coCreation.id },
        parliamentConfirmed: true,
      });
      await repos.groups.addMember(groupIds[group] as string, id);
    }

    // Reusable for a month: a demo is opened by several people, several times.
    const link = async (role: Role, scope: Scope, scopeName: string, label: string) => {
      const created: CreatedInvite = await auth.mintLink(
        repos,
        { eventId, role, scope, label },
        30 * day,
        100,
      );
      return { role, scopeName, joinPath: created.joinPath };
    };
    const registration = [await seedDemoRegistration(repos, eventId)];
    await seedDemoPractices(repos, eventId);
    const join = [
      await link(
        'organiser',
        { type: 'event', id: eventId },
        'the whole event',
        'Demo: organisers',
      ),
      await link(
        'facilitator',
        { type: 'session', id: coCreation.id },
        coCreation.title,
        'Demo: facilitators',
      ),
      await link(
        'participant',
        { type: 'group', id: groupIds[0] as string },
        groups[0].name,
        'Demo: participants',
      ),
      await link(
        'participant',
        { type: 'group', id: groupIds[2] as string },
        groups[2].name,
        'Demo: participants',
      ),
      await link('observer', { type: 'event', id: eventId }, 'the whole event', 'Demo: observers'),
    ];
    return { join, registration };
  });
  for (const guide of demoGuides.filter((candidate) => newGuideIds.has(candidate.id))) {
    await writeGuide(guide.id, encodeGuideBody(guide.body));
  }
  return links;
}
