import type { BreakoutGroup } from '@draftroom/shared';
import type { GroupRecord, Repositories } from '../../persistence/index.ts';

/** Groups as the API shows them: with their members, read in one query. */
export async function toGroups(
  repositories: Repositories,
  groups: readonly GroupRecord[],
): Promise<BreakoutGroup[]> {
  const members = await repositories.groups.membersOf(groups.map((group) => group.id));
  return groups.map((group) => ({ ...group, members: members.get(group.id) ?? [] }));
}

export async function toGroup(
  repositories: Repositories,
  group: GroupRecord,
): Promise<BreakoutGroup> {
  const [withMembers] = await toGroups(repositories, [group]);
  return withMembers as BreakoutGroup;
}
