import {
  assignMembersRequestSchema,
  autoAssignRequestSchema,
  groupInputSchema,
  type AssignMembersRequest,
  type AutoAssignRequest,
  type AutoAssignResult,
  type BreakoutGroup,
  type GroupInput,
} from '@draftroom/shared';
import { DomainError, conflict, forbidden } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type {
  GroupRecord,
  ConferenceStore,
  PersonRecord,
  Repositories,
} from '../../persistence/index.ts';
import type { EventBus } from '../events/eventBus.ts';
import {
  canChooseGroup,
  canManageGroup,
  canManageSession,
  canMoveMember,
  canRemoveGroup,
  takesSeat,
  type Viewer,
} from '../access/policy.ts';
import { balanceGroups } from './balance.ts';
import { toGroup, toGroups } from './groupView.ts';
import { groupInEvent, placeOf, sessionInEvent } from './viewer.ts';

/**
 * Breakout groups, each with exactly one guide, and who is in them. `guideCreated` runs once a
 * new group's guide exists (the session's template is written into it there); it must not throw.
 */
export function createGroupService(
  persistence: ConferenceStore,
  events: EventBus,
  guideCreated: (guideId: string) => Promise<unknown> = async () => undefined,
) {
  const { repositories } = persistence;

  async function manageable(viewer: Viewer, groupId: string, repos: Repositories = repositories) {
    const found = await groupInEvent(repos, viewer, groupId);
    if (!canManageGroup(viewer, found.place)) {
      throw forbidden('Only organisers and this group’s facilitators can change it.');
    }
    return found;
  }

  /**
   * Puts a person in a group, out of the session's other groups; checks event and capacity.
   * `mayLeave` sees the groups the person would leave and throws if that is not allowed.
   */
  async function place(
    repos: Repositories,
    groupId: string,
    personId: string,
    eventId: string,
    mayLeave: (leaving: GroupRecord[], person: PersonRecord) => void,
  ) {
    const group = await repos.groups.get(groupId);
    const person = await repos.people.get(personId);
    if (!group || !person || person.eventId !== eventId) {
      throw new DomainError(
        'not_found',
        'One of these people is not in your event; reload the list.',
      );
    }
    if (await repos.groups.isMember(groupId, personId)) return;
    const memberOf = new Set(await repos.groups.groupIdsOf(personId));
    const siblings = await repos.groups.listBySessions([group.sessionId]);
    mayLeave(
      siblings.filter((sibling) => sibling.id !== groupId && memberOf.has(sibling.id)),
      person,
    );
    if (
      takesSeat(person.role) &&
      (await repos.groups.participantCount(groupId)) >= group.capacity
    ) {
      throw conflict(
        `The group “${group.name}” is full (${group.capacity}). Raise its capacity or choose another group.`,
      );
    }
    await repos.groups.removeFromSession(group.sessionId, personId);
    await repos.groups.addMember(groupId, personId);
  }

  return {
    async get(viewer: Viewer, groupId: string): Promise<BreakoutGroup> {
      const { group } = await groupInEvent(repositories, viewer, groupId);
      return toGroup(repositories, group);
    },

    async create(viewer: Viewer, sessionId: string, request: GroupInput): Promise<BreakoutGroup> {
      const session = await sessionInEvent(repositories, viewer, sessionId);
      if (!canManageSession(viewer, { eventId: session.eventId, sessionId })) {
        throw forbidden('Only organisers and this session’s facilitators can add groups.');
      }
      if (session.kind !== 'co-creation') {
        throw conflict(
          'Only co-creation sessions have breakout groups; change the session’s kind first.',
        );
      }
      const input = groupInputSchema.parse(request);
      const created = await persistence.transaction(async (repos) => {
        const guideId = randomId();
        await repos.guides.create({
          id: guideId,
          title: input.name,
          createdAt: new Date().toISOString(),
          eventId: session.eventId,
        });
        const group = await repos.groups.create({ id: randomId(), sessionId, guideId, ...input });
        return toGroup(repos, group);
      });
      // After the commit: the guide must exist before anything is written into it.
      await guideCreated(created.guideId);
      return created;
    },

    async update(viewer: Viewer, groupId: string, request: GroupInput): Promise<BreakoutGroup> {
      const { group } = await manageable(viewer, groupId);
      const input = groupInputSchema.parse(request);
      const updated = { ...group, ...input };
      await persistence.transaction(async (repos) => {
        await repos.groups.update(updated);
        await repos.guides.rename(group.guideId, input.name);
      });
      if (input.name !== group.name) {
        events.publish('guidesRenamed', { guideIds: [group.guideId] });
      }
      return toGroup(repositories, updated);
    },

    async delete(viewer: Viewer, groupId: string): Promise<void> {
      const { group, place: where } = await groupInEvent(repositories, viewer, groupId);
      if (!canRemoveGroup(viewer, where)) throw forbidden('Only organisers can remove groups.');
      const members = (await repositories.groups.membersOf([groupId])).get(groupId) ?? [];
      if (members.length > 0) {
        throw conflict('This group still has members; move or remove them first.');
      }
      // The guide row stays (its text is kept in storage); only the event's organisers can reach
      // it, so everyone else who has it open (facilitators, observers by scope) loses it now.
      await repositories.groups.delete(group.id);
      events.publish('access', { kind: 'documents', documentIds: [group.guideId] });
    },

    async assign(
      viewer: Viewer,
      groupId: string,
      request: AssignMembersRequest,
    ): Promise<BreakoutGroup> {
      const { personIds } = assignMembersRequestSchema.parse(request);
      const { group, session, place: into } = await manageable(viewer, groupId);
      // One transaction: if anyone may not be moved, nobody is.
      await persistence.transaction(async (repos) => {
        for (const personId of new Set(personIds)) {
          await place(repos, groupId, personId, viewer.person.eventId, (leaving, person) => {
            const from = leaving.find(
              (sibling) => !canMoveMember(viewer, into, [placeOf(sibling, session)]),
            );
            if (from) {
              throw forbidden(
                `${person.displayName} is in the group “${from.name}”, which you do not manage, so you cannot move them.`,
              );
            }
          });
        }
      });
      events.publish('access', { kind: 'people', personIds });
      return toGroup(repositories, group);
    },

    async removeMember(viewer: Viewer, groupId: string, personId: string): Promise<void> {
      await manageable(viewer, groupId);
      if (!(await repositories.groups.removeMember(groupId, personId))) {
        throw new DomainError('not_found', 'This person is not in the group; reload the page.');
      }
      events.publish('access', { kind: 'people', personIds: [personId] });
    },

    async selfSelect(viewer: Viewer, groupId: string): Promise<BreakoutGroup> {
      const { group, session, place: where } = await groupInEvent(repositories, viewer, groupId);
      const current = await repositories.groups.listBySessions([session.id]);
      const sessionPlace = { eventId: where.eventId, sessionId: session.id, selfSelect: true };
      // Asked without the person's groups first: someone who may never choose here is refused,
      // someone who already chose is told so (the same rule the session page offers buttons by).
      if (!session.selfSelect || !canChooseGroup(viewer, sessionPlace, [])) {
        throw forbidden('You cannot choose a group in this session yourself.');
      }
      if (
        !canChooseGroup(
          viewer,
          sessionPlace,
          current.map((other) => other.id),
        )
      ) {
        throw alreadyInAGroup();
      }
      await persistence.transaction((repos) =>
        // Checked again inside the transaction: two choices at once must not both succeed.
        place(repos, groupId, viewer.person.id, where.eventId, (leaving) => {
          if (leaving.length > 0) throw alreadyInAGroup();
        }),
      );
      events.publish('access', { kind: 'people', personIds: [viewer.person.id] });
      return toGroup(repositories, group);
    },

    /** Places the session's participants who have no group yet; see `balanceGroups`. */
    async autoAssign(
      viewer: Viewer,
      sessionId: string,
      request: AutoAssignRequest = {},
    ): Promise<AutoAssignResult> {
      const { leftovers } = autoAssignRequestSchema.parse(request);
      const session = await sessionInEvent(repositories, viewer, sessionId);
      if (!canManageSession(viewer, { eventId: session.eventId, sessionId })) {
        throw forbidden('Only organisers and this session’s facilitators can assign its groups.');
      }
      const result = await persistence.transaction(async (repos) => {
        const groups = await toGroups(repos, await repos.groups.listBySessions([sessionId]));
        if (groups.length === 0) throw conflict('This session has no groups yet; add some first.');
        const assigned = new Set(
          groups.flatMap((group) => group.members.map((member) => member.id)),
        );
        const candidates = (await repos.people.listByEvent(session.eventId)).filter(
          (person) =>
            person.role === 'participant' &&
            !assigned.has(person.id) &&
            ((person.scope.type === 'event' && person.scope.id === session.eventId) ||
              (person.scope.type === 'session' && person.scope.id === sessionId)),
        );
        const balanced = balanceGroups(
          groups.map((group) => ({
            id: group.id,
            workingLanguage: group.workingLanguage,
            capacity: group.capacity,
            parliaments: group.members
              .filter((m) => m.role === 'participant')
              .map((m) => m.parliament),
          })),
          candidates.map((person) => ({
            id: person.id,
            parliament: person.parliament,
            language: person.preferredLanguage,
          })),
          leftovers,
        );
        for (const { personId, groupId } of balanced.assigned)
          await repos.groups.addMember(groupId, personId);
        return balanced;
      });
      events.publish('access', {
        kind: 'people',
        personIds: result.assigned.map(({ personId }) => personId),
      });
      return result;
    },
  };
}

const alreadyInAGroup = () =>
  conflict('You are already in a group of this session; ask a facilitator to move you.');

export type GroupService = ReturnType<typeof createGroupService>;
