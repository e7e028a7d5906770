import {
  apiPath,
  type BreakoutGroup,
  type ConferenceSession,
  type CreatedInvite,
  type ImportReport,
  type Me,
  type Role,
  type Scope,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
  sampleProfile,
} from '../../testing/index.ts';
import { createEventWithOrganiserLink } from '../../src/services/setup/createEvent.ts';
import { startTestServer, type TestServer } from './testServer.ts';

/** Everyone the authorization matrix asks, in the order of its columns. */
export const actorNames = [
  'anonymous',
  'revoked',
  'signedOut',
  'organiser',
  'facilitatorS',
  'facilitatorOther',
  'participantA',
  'participantB',
  'observer',
  'otherOrganiser',
] as const;
export type ActorName = (typeof actorNames)[number];

export interface Actor {
  name: ActorName;
  /** `draftroom_session=…` for the Cookie header; undefined for someone who never joined. */
  cookie: string | undefined;
  /** A new sign-in of the same person, for calls that end the sign-in they are made with. */
  signInAgain?: () => Promise<string>;
}

export interface SentResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/** One HTTP request with (or without) a session cookie, the way a browser's fetch sends it. */
/**
 * The organiser of another event on the same server: what they make belongs to that event, and
 * nothing of this one may be reached with it. Its dates only matter to deadlines.
 */
export async function anotherEventOrganiser(
  server: TestServer,
  dates: { startsOn: string; endsOn: string } = { startsOn: '2022-01-10', endsOn: '2022-01-11' },
): Promise<ApiClient> {
  const other = await createEventWithOrganiserLink(server.server.persistence, server.server.auth, {
    name: 'Another conference',
    ...dates,
    timeZone: 'UTC',
    languages: ['en'],
  });
  return ApiClient.join(server.url, other.joinPath);
}

export async function send(
  baseUrl: string,
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<SentResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    // fetch upper-cases GET, POST, PUT, DELETE itself, but sends `patch` as written (and Node refuses it).
    method: method.toUpperCase(),
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // Files (exports) are not JSON; their bodies are not read here.
  const json = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return {
    status: response.status,
    body: text && json ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

/**
 * A conference with one of each kind of person, all joined through invite links over HTTP:
 * session S (self-select) with groups A and B, session T, and a second event with its organiser.
 */
export interface World {
  server: TestServer;
  organiser: ApiClient;
  otherOrganiser: ApiClient;
  eventId: string;
  sessionS: ConferenceSession;
  sessionT: ConferenceSession;
  groupA: BreakoutGroup;
  groupB: BreakoutGroup;
  /** A reusable observer invite (event scope), for previews and joins. */
  joinToken: string;
  actors: Record<ActorName, Actor>;
  people: Partial<Record<ActorName, ApiClient>>;
  /** Fresh targets for calls that change or remove what they touch. */
  fresh: {
    session(): Promise<string>;
    emptyGroup(): Promise<string>;
    /** The guide of a new empty group in session S. */
    guide(): Promise<string>;
    /** Someone imported by the organiser (never signed in), optionally into a group by name. */
    person(groupName?: string): Promise<string>;
    invite(): Promise<string>;
  };
}

const tokenOf = (joinPath: string) => joinPath.slice(joinPath.lastIndexOf('/') + 1);

/** One value per actor, keyed by name: a failed comparison names who got what. */
export const byActor = (values: readonly (number | string)[]) =>
  Object.fromEntries(actorNames.map((name, index) => [name, values[index]]));

/** A server with no demo (joins unlimited, for the many actors) and its world of actors. */
export async function worldServer(): Promise<{ server: TestServer; world: World }> {
  const server = await startTestServer({
    SEED_DEMO: 'false',
    JOIN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  return { server, world: await buildWorld(server) };
}

export async function buildWorld(server: TestServer): Promise<World> {
  const { organiser, url } = server;
  const me = await organiser.expect<Me>(200, 'GET', apiPath('me'));
  const sessionS = await createCoCreationSession(organiser, 'Session S', { selfSelect: true });
  const sessionT = await createCoCreationSession(organiser, 'Session T');
  const groupA = await createGroup(organiser, sessionS.id, 'Group A');
  const groupB = await createGroup(organiser, sessionS.id, 'Group B');
  const joinAs = async (role: Role, scope: Scope) =>
    ApiClient.join(url, (await createInvite(organiser, role, scope)).joinPath);
  const session = (id: string): Scope => ({ type: 'session', id });
  const event: Scope = { type: 'event', id: me.person.eventId };

  const facilitatorS = await joinAs('facilitator', session(sessionS.id));
  const facilitatorOther = await joinAs('facilitator', session(sessionT.id));
  const participantA = await joinAs('participant', { type: 'group', id: groupA.id });
  const participantB = await joinAs('participant', session(sessionS.id));
  await organiser.expect(200, 'POST', apiPath('assignMembers', { groupId: groupB.id }), {
    personIds: [participantB.personId],
  });
  const observer = await joinAs('observer', event);
  const revoked = await joinAs('participant', session(sessionS.id));
  await organiser.expect(204, 'POST', apiPath('revokePerson', { personId: revoked.personId }));
  const signedOut = await joinAs('participant', session(sessionS.id));
  await signedOut.expect(204, 'POST', apiPath('signOut'));

  const otherOrganiser = await anotherEventOrganiser(server);

  /** A personal link made by the person's own organiser, joined: a second sign-in. */
  const againVia = (linkMaker: ApiClient, person: ApiClient) => async () => {
    const link = await linkMaker.expect<CreatedInvite>(
      201,
      'POST',
      apiPath('personLink', { personId: person.personId }),
    );
    return (await ApiClient.join(url, link.joinPath, sampleProfile())).cookie;
  };
  const people = {
    organiser,
    facilitatorS,
    facilitatorOther,
    participantA,
    participantB,
    observer,
    otherOrganiser,
    revoked,
    signedOut,
  } satisfies Partial<Record<ActorName, ApiClient>>;
  const live = (name: ActorName, person: ApiClient, linkMaker = organiser): Actor => ({
    name,
    cookie: person.cookie,
    signInAgain: againVia(linkMaker, person),
  });
  const actors: Record<ActorName, Actor> = {
    anonymous: { name: 'anonymous', cookie: undefined },
    revoked: { name: 'revoked', cookie: revoked.cookie },
    signedOut: { name: 'signedOut', cookie: signedOut.cookie },
    organiser: live('organiser', organiser),
    facilitatorS: live('facilitatorS', facilitatorS),
    facilitatorOther: live('facilitatorOther', facilitatorOther),
    participantA: live('participantA', participantA),
    participantB: live('participantB', participantB),
    observer: live('observer', observer),
    otherOrganiser: live('otherOrganiser', otherOrganiser, otherOrganiser),
  };

  const joinInvite = await createInvite(organiser, 'observer', event, { maxUses: 1000 });
  let counter = 0;
  const fresh: World['fresh'] = {
    async session() {
      counter += 1;
      return (await createCoCreationSession(organiser, `Throwaway session ${counter}`)).id;
    },
    async emptyGroup() {
      counter += 1;
      return (await createGroup(organiser, sessionS.id, `Throwaway group ${counter}`)).id;
    },
    async guide() {
      counter += 1;
      return (await createGroup(organiser, sessionS.id, `Throwaway group ${counter}`)).guideId;
    },
    async person(groupName) {
      counter += 1;
      const csv = `name,parliament,country,language,group\nThrowaway ${counter},Parliament of Testland,KE,en,${groupName ?? ''}`;
      const report = await organiser.expect<ImportReport>(200, 'POST', apiPath('importPeople'), {
        csv,
        dryRun: false,
      });
      const created = report.created[0];
      if (!created)
        throw new Error(`importing a throwaway person failed: ${JSON.stringify(report)}`);
      return created.person.id;
    },
    async invite() {
      return (await createInvite(organiser, 'participant', event, { maxUses: 1 })).invite.id;
    },
  };

  return {
    server,
    organiser,
    otherOrganiser,
    eventId: me.person.eventId,
    sessionS,
    sessionT,
    groupA,
    groupB,
    joinToken: tokenOf(joinInvite.joinPath),
    actors,
    people,
    fresh,
  };
}
