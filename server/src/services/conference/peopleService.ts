import {
  importRequestSchema,
  updatePersonRequestSchema,
  type ImportReport,
  type ImportRequest,
  type Person,
  type UpdatePersonRequest,
} from '@draftroom/shared';
import { DomainError, forbidden } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { ConferenceStore, PersonRecord } from '../../persistence/index.ts';
import type { EventBus } from '../events/eventBus.ts';
import {
  canListPeople,
  canSeeEmails,
  demotesSelf,
  takesSeat,
  type Viewer,
} from '../access/policy.ts';
import type { AuthService } from '../auth/authService.ts';
import { checkRegistrations } from './registrationImport.ts';
import { requireOrganiser } from './viewer.ts';

/** The event's people: the list, roles, and importing a registration spreadsheet. */
export function createPeopleService(
  persistence: ConferenceStore,
  auth: AuthService,
  events: EventBus,
) {
  const { repositories } = persistence;

  async function withGroups(records: readonly PersonRecord[], eventId: string): Promise<Person[]> {
    const groups = await repositories.people.groupIdsByPerson(eventId);
    return records.map((record) => ({ ...record, groupIds: groups.get(record.id) ?? [] }));
  }

  return {
    async list(viewer: Viewer): Promise<Person[]> {
      if (!canListPeople(viewer)) {
        throw forbidden('Only organisers and facilitators can see everyone in the event.');
      }
      const people = await repositories.people.listByEvent(viewer.person.eventId);
      // Facilitators need names and groups to assign people; email addresses stay with organisers.
      const visible = canSeeEmails(viewer)
        ? people
        : people.map((person) => ({ ...person, email: null }));
      return withGroups(visible, viewer.person.eventId);
    },

    async update(viewer: Viewer, personId: string, request: UpdatePersonRequest): Promise<Person> {
      requireOrganiser(viewer);
      const input = updatePersonRequestSchema.parse(request);
      const person = await repositories.people.get(personId);
      if (!person || person.eventId !== viewer.person.eventId) {
        throw new DomainError('not_found', 'This person was not found in your event.');
      }
      if (demotesSelf(viewer, person.id, input.role)) {
        throw new DomainError(
          'conflict',
          'You cannot take away your own organiser role; ask another organiser.',
        );
      }
      const updated = {
        ...person,
        ...(input.role ? { role: input.role } : {}),
        ...(input.parliamentConfirmed !== undefined
          ? { parliamentConfirmed: input.parliamentConfirmed }
          : {}),
      };
      if (updated.role === 'organiser') updated.scope = { type: 'event', id: person.eventId };
      await repositories.people.update(updated);
      events.publish('access', { kind: 'people', personIds: [personId] });
      const [withGroup] = await withGroups([updated], person.eventId);
      return withGroup as Person;
    },

    async importRegistrations(viewer: Viewer, request: ImportRequest): Promise<ImportReport> {
      requireOrganiser(viewer);
      const input = importRequestSchema.parse(request);
      const eventId = viewer.person.eventId;
      const sessions = await repositories.sessions.listByEvent(eventId);
      const groups = await repositories.groups.listBySessions(
        sessions.map((session) => session.id),
      );
      const groupSizes = new Map<string, number>();
      for (const group of groups)
        groupSizes.set(group.id, await repositories.groups.participantCount(group.id));
      const people = await repositories.people.listByEvent(eventId);
      const check = checkRegistrations(input.csv, {
        groups,
        groupSizes,
        knownEmails: new Set(
          people.flatMap((person) => (person.email ? [person.email.toLowerCase()] : [])),
        ),
        takesSeat: takesSeat(input.role),
      });
      const valid =
        check.fileErrors.length === 0 && check.rows.every((row) => row.errors.length === 0);
      const report: ImportReport = {
        dryRun: input.dryRun,
        valid,
        fileErrors: check.fileErrors,
        rows: check.rows,
        created: [],
      };
      if (input.dryRun || !valid) return report;

      // All rows or none: a half-imported spreadsheet is worse than a clear error.
      report.created = await persistence.transaction(async (repos) => {
        const created: ImportReport['created'] = [];
        for (const row of check.valid) {
          const record: PersonRecord = {
            id: randomId(),
            eventId,
            displayName: row.displayName,
            parliament: row.parliament,
            country: row.country,
            preferredLanguage: row.preferredLanguage,
            email: row.email,
            role: input.role,
            // The organisers' own spreadsheet: they vouch for each row's parliament.
            parliamentConfirmed: true,
            scope: row.groupId
              ? { type: 'group', id: row.groupId }
              : { type: 'event', id: eventId },
          };
          await repos.people.create(record);
          if (row.groupId) await repos.groups.addMember(row.groupId, record.id);
          const link = await auth.personLink(viewer, record.id, repos);
          created.push({
            person: { ...record, groupIds: row.groupId ? [row.groupId] : [] },
            joinPath: link.joinPath,
          });
        }
        return created;
      });
      return report;
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
