// Sessions, breakout groups, self-select, auto-assign and CSV import through the REST API, as
// an organiser (and participants choosing their group) use them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiPath,
  invitePreviewSchema,
  type AutoAssignResult,
  type BreakoutGroup,
  type ConferenceSession,
  type Me,
  type Programme,
  type Role,
  type Scope,
} from '@draftroom/shared';
import {
  ApiClient,
  createCoCreationSession,
  createGroup,
  createInvite,
  sampleProfile,
} from '../testing/index.ts';
import { send } from './helpers/actors.ts';
import {
  expectError,
  groupsOf,
  importPeople,
  importRows,
  membersByGroup,
  people,
  startConferenceServer,
  tokenOf,
} from './helpers/conferenceApi.ts';
import type { TestServer } from './helpers/testServer.ts';

let server: TestServer;
let organiser: ApiClient;
beforeEach(async () => {
  server = await startConferenceServer();
  organiser = server.organiser;
});
afterEach(async () => {
  await server.cleanup();
});

const preview = (token: string) =>
  send(server.url, undefined, 'GET', apiPath('invitePreview', { token }));
const joinAs = async (role: Role, scope: Scope) =>
  ApiClient.join(server.url, (await createInvite(organiser, role, scope)).joinPath);
const eventId = async () => (await organiser.expect<Me>(200, 'GET', apiPath('me'))).person.eventId;

describe('sessions and groups', () => {
  it('creates, reads, updates and deletes sessions; one with groups cannot be deleted (409)', async () => {
    const session = await createCoCreationSession(organiser, 'Draft');
    const renamed = await organiser.expect<ConferenceSession>(
      200,
      'PUT',
      apiPath('updateSession', { sessionId: session.id }),
      { ...session, title: 'Final', selfSelect: true },
    );
    expect(renamed).toMatchObject({ id: session.id, title: 'Final', selfSelect: true });
    const programme = await organiser.expect<Programme>(200, 'GET', apiPath('programme'));
    expect(programme.sessions).toEqual([renamed]);
    const group = await createGroup(organiser, session.id, 'Only group');
    expect(await groupsOf(organiser, session.id)).toEqual([group]);

    const remove = () =>
      organiser.request('DELETE', apiPath('deleteSession', { sessionId: session.id }));
    expectError(await remove(), 409, 'conflict');
    const debate = { ...renamed, kind: 'thought-leader-debate', selfSelect: false };
    const kindChange = await organiser.request(
      'PUT',
      apiPath('updateSession', { sessionId: session.id }),
      debate,
    );
    expectError(kindChange, 409, 'conflict');
    await organiser.expect(204, 'DELETE', apiPath('deleteGroup', { groupId: group.id }));
    expect((await remove()).status).toBe(204);
    expectError(
      await organiser.request('GET', apiPath('getSession', { sessionId: session.id })),
      404,
      'not_found',
    );
  });

  it('keeps groups within capacity (409) and each person in one group per session', async () => {
    const session = await createCoCreationSession(organiser);
    const small = await createGroup(organiser, session.id, 'Small', { capacity: 1 });
    const other = await createGroup(organiser, session.id, 'Other');
    const elsewhere = await createGroup(
      organiser,
      (await createCoCreationSession(organiser, 'T')).id,
      'Elsewhere',
    );
    const [first = '', second = ''] = await importPeople(organiser, [
      'One,P1,KE,en,,',
      'Two,P2,KE,en,,',
    ]);
    const [watcher = ''] = await importPeople(organiser, ['Watcher,P3,KE,en,,'], 'observer');
    const assign = (group: BreakoutGroup, personIds: string[]) =>
      organiser.request('POST', apiPath('assignMembers', { groupId: group.id }), { personIds });

    expect((await assign(small, [first])).status).toBe(200);
    expectError(await assign(small, [second]), 409, 'conflict');
    expect((await assign(small, [watcher])).status).toBe(200); // observers take no seat
    expect((await assign(other, [second])).status).toBe(200);
    expect((await assign(elsewhere, [second])).status).toBe(200); // another session: kept as well
    expect((await assign(small, [second])).status).toBe(409); // still full
    expect((await assign(other, [first])).status).toBe(200); // moves First out of Small

    expect(await membersByGroup(organiser, session.id)).toEqual({
      Small: [watcher],
      Other: [second, first],
    });
    const byId = new Map((await people(organiser)).map((person) => [person.id, person.groupIds]));
    expect(byId.get(first)).toEqual([other.id]);
    expect(new Set(byId.get(second))).toEqual(new Set([other.id, elsewhere.id]));
  });

  // Moving someone takes them out of their group: it needs rights on that group too.
  it('moves a person only for someone who manages both the group they leave and the one they join', async () => {
    const session = await createCoCreationSession(organiser);
    const [a, b, c] = [
      await createGroup(organiser, session.id, 'A'),
      await createGroup(organiser, session.id, 'B'),
      await createGroup(organiser, session.id, 'C'),
    ];
    const [inB = '', inA = '', loose = ''] = await importPeople(organiser, [
      'Bea,P1,KE,en,,B',
      'Abe,P2,KE,en,,A',
      'Lou,P3,KE,en,,',
    ]);
    const ofA = await joinAs('facilitator', { type: 'group', id: a.id });
    const ofSession = await joinAs('facilitator', { type: 'session', id: session.id });
    const assign = (who: ApiClient, group: BreakoutGroup, personIds: string[]) =>
      who.request('POST', apiPath('assignMembers', { groupId: group.id }), { personIds });

    // A's facilitator may not pull B's member into A (nor push A's into B), and nothing moves,
    // not even the person of the same request they could have placed.
    expectError(await assign(ofA, a, [loose, inB]), 403, 'forbidden');
    expectError(await assign(ofA, b, [inA]), 403, 'forbidden');
    // (A facilitator invited to a group joins it.)
    const before = { A: [inA, ofA.personId], B: [inB], C: [] };
    expect(await membersByGroup(organiser, session.id)).toEqual(before);
    // …but may place someone who is in no group of the session yet.
    expect((await assign(ofA, a, [loose])).status).toBe(200);
    // A facilitator of the session manages every group in it, so moves between them.
    expect((await assign(ofSession, c, [inB])).status).toBe(200);
    expect((await assign(ofSession, a, [inB])).status).toBe(200);
    expect(await membersByGroup(organiser, session.id)).toEqual({
      A: [...before.A, loose, inB],
      B: [],
      C: [],
    });
  });

  it('lets participants in scope choose their group only when the session allows it', async () => {
    const open = await createCoCreationSession(organiser, 'Open', { selfSelect: true });
    const closed = await createCoCreationSession(organiser, 'Closed');
    const [x, y, full] = [
      await createGroup(organiser, open.id, 'X'),
      await createGroup(organiser, open.id, 'Y'),
      await createGroup(organiser, open.id, 'Full', { capacity: 1 }),
    ];
    const closedGroup = await createGroup(organiser, closed.id, 'Z');
    const inOpen = (role: Role) => joinAs(role, { type: 'session', id: open.id });
    const choose = (who: ApiClient, group: BreakoutGroup) =>
      who.request<BreakoutGroup>('POST', apiPath('selfSelect', { groupId: group.id }));

    const eventWide = await joinAs('participant', { type: 'event', id: await eventId() });
    expectError(await choose(eventWide, closedGroup), 403, 'forbidden');
    for (const who of [
      await inOpen('observer'),
      await inOpen('facilitator'),
      await joinAs('participant', { type: 'session', id: closed.id }),
      await joinAs('participant', { type: 'group', id: x.id }),
    ]) {
      expectError(await choose(who, y), 403, 'forbidden');
    }
    const chosen = await choose(eventWide, x);
    expect(chosen.status).toBe(200);
    expect(chosen.body.members.map((member) => member.id)).toContain(eventWide.personId);
    expectError(await choose(eventWide, y), 409, 'conflict');
    expect((await choose(await inOpen('participant'), full)).status).toBe(200);
    expectError(await choose(await inOpen('participant'), full), 409, 'conflict');
  });

  it('auto-assigns unplaced participants: balanced, by language, within capacity, reporting who is left', async () => {
    const session = await createCoCreationSession(organiser);
    const none = await organiser.request('POST', apiPath('autoAssign', { sessionId: session.id }));
    expectError(none, 409, 'conflict');
    const en1 = await createGroup(organiser, session.id, 'En 1', { capacity: 3 });
    const en2 = await createGroup(organiser, session.id, 'En 2', { capacity: 3 });
    const fr = await createGroup(organiser, session.id, 'Fr', {
      capacity: 1,
      workingLanguage: 'fr',
    });
    const [
      kenyaA = '',
      kenyaB = '',
      chile = '',
      india = '',
      spain = '',
      france = '',
      senegal = '',
    ] = await importPeople(
      organiser,
      [
        ...['Ken A,Kenya,KE,en', 'Ken B,Kenya,KE,en', 'Chi,Chile,CL,en', 'Ind,India,IN,en'],
        ...['Spa,Spain,ES,es', 'Fra,France,FR,fr', 'Sen,Senegal,SN,fr'],
      ].map((row) => `${row},,`),
    );
    const [observer = ''] = await importPeople(organiser, ['Obs,Kenya,KE,en,,'], 'observer');
    const [seated = ''] = await importPeople(organiser, ['Seated,Kenya,KE,fr,,Fr']);

    const result = await organiser.expect<AutoAssignResult>(
      200,
      'POST',
      apiPath('autoAssign', { sessionId: session.id }),
    );
    const placed = new Map(result.assigned.map(({ personId, groupId }) => [personId, groupId]));
    expect(new Set(placed.keys())).toEqual(new Set([kenyaA, kenyaB, chile, india, spain]));
    expect(result.unplaced.sort()).toEqual([france, senegal].sort()); // Fr is full, and only Fr speaks fr
    for (const english of [kenyaA, kenyaB, chile, india])
      expect([en1.id, en2.id]).toContain(placed.get(english));
    expect([en1.id, en2.id]).toContain(placed.get(spain)); // no es group: any group with room
    expect(placed.get(kenyaA)).not.toBe(placed.get(kenyaB)); // delegations spread out
    const sizes = (await groupsOf(organiser, session.id)).map((group) => [
      group.name,
      group.members.length,
    ]);
    expect(Object.fromEntries(sizes)).toMatchObject({ Fr: 1 });
    const enSizes = sizes
      .filter(([name]) => name !== 'Fr')
      .map(([, size]) => Number(size))
      .sort();
    expect(enSizes).toEqual([2, 3]);
    expect(placed.has(observer) || placed.has(seated)).toBe(false);
    expect(fr.capacity).toBe(1);

    // The organiser's choice for those left over: validated, then any group with room.
    const path = apiPath('autoAssign', { sessionId: session.id });
    expectError(
      await organiser.request('POST', path, { leftovers: 'somewhere' }),
      400,
      'validation_failed',
    );
    const everyone = await organiser.expect<AutoAssignResult>(200, 'POST', path, {
      leftovers: 'anyGroup',
    });
    expect(everyone.assigned).toHaveLength(1); // one seat was left, in an English group
    expect(everyone.assigned[0]).toMatchObject({ languageMismatch: true });
    expect([france, senegal]).toContain(everyone.assigned[0]?.personId);
    expect(everyone.unplaced).toHaveLength(1);
  });
});

describe('CSV import', () => {
  it('writes nothing on a dry run, or when any row is invalid, and names each problem’s line and column', async () => {
    const session = await createCoCreationSession(organiser);
    await createGroup(organiser, session.id, 'Group A');
    const before = await people(organiser);
    const dryRun = await importRows(organiser, ['Ana,P1,Kenya,English,ana@p1.example,group a'], {
      dryRun: true,
    });
    expect(dryRun).toMatchObject({ dryRun: true, valid: true, fileErrors: [], created: [] });
    expect(dryRun.rows).toEqual([
      { line: 2, name: 'Ana', errors: [], groupId: expect.any(String) },
    ]);

    const rows = [
      'Ana,P1,KE,en,ana@p1.example,',
      'Bo,P2,Atlantis,en,,',
      'Cy,P3,FR,de,not-an-email,Nowhere',
    ];
    const invalid = await importRows(organiser, rows);
    expect(invalid).toMatchObject({ dryRun: false, valid: false, created: [] });
    const problems = invalid.rows.flatMap((row) =>
      row.errors.map((error) => `${row.line}:${error.column}`),
    );
    expect(problems).toEqual(['3:country', '4:language', '4:email', '4:group']);
    const missing = await importRows(organiser, ['Ana,P1'], { header: 'name,parliament' });
    expect(missing.fileErrors).toHaveLength(1);
    expect(missing.created).toEqual([]);
    expect(await people(organiser)).toEqual(before);
  });

  it('creates everyone of a valid file, in their groups, each with a personal link that works', async () => {
    const session = await createCoCreationSession(organiser);
    const group = await createGroup(organiser, session.id, 'Group A');
    const report = await importRows(organiser, [
      'Layla Haddad,Parliament of Jordan,JO,ar,layla@jo.example,Group A',
      'Omar Al-Farsi,Majlis Oman,Oman,Arabic,,Group A',
      'Tomás Herrera,Cámara de Diputados,CL,es,,',
      'Alice Brown,House of Commons,Royaume-Uni,en,,', // a name, in French: GB, not the withdrawn UK
    ]);
    expect(report.valid).toBe(true);
    expect(
      report.created.map(({ person }) => [person.displayName, person.country, person.groupIds]),
    ).toEqual([
      ['Layla Haddad', 'JO', [group.id]],
      ['Omar Al-Farsi', 'OM', [group.id]],
      ['Tomás Herrera', 'CL', []],
      ['Alice Brown', 'GB', []],
    ]);
    const members = (await groupsOf(organiser, session.id))[0]?.members.map((member) => member.id);
    expect(members).toEqual(report.created.slice(0, 2).map(({ person }) => person.id));
    for (const { person, joinPath } of report.created) {
      const shown = invitePreviewSchema.parse((await preview(tokenOf(joinPath))).body);
      expect(shown.profile?.displayName).toBe(person.displayName);
      const signedIn = await ApiClient.join(
        server.url,
        joinPath,
        sampleProfile({ displayName: person.displayName }),
      );
      const me = await signedIn.expect<Me>(200, 'GET', apiPath('me'));
      expect([me.person.id, me.person.groupIds]).toEqual([person.id, person.groupIds]);
    }
  });
});
