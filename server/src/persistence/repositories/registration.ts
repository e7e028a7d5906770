import type { AudienceTag, DelegateStatus, LanguageCode } from '@draftroom/shared';
import type { DatabaseSchema } from '../schema.ts';
import type { Db } from './database.ts';
import { isString, parseArray } from './jsonColumns.ts';

type SettingsRow = DatabaseSchema['registration_settings'];
type DelegationRow = DatabaseSchema['delegations'];
type DelegateRow = DatabaseSchema['delegates'];

export interface RegistrationSettingsRecord {
  eventId: string;
  open: boolean;
  deadline: string | null;
  /** The public page's token, kept as is (that link is meant to be shared); null when off. */
  publicToken: string | null;
  updatedAt: string;
}

export type DelegationSource = 'invited' | 'public';

export interface DelegationRecord {
  id: string;
  eventId: string;
  parliament: string;
  country: string;
  focalName: string;
  focalEmail: string;
  /** SHA-256 of the focal point's link token; never the token itself. */
  tokenHash: string;
  source: DelegationSource;
  reopenedUntil: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DelegateRecord {
  id: string;
  delegationId: string;
  eventId: string;
  position: number;
  name: string;
  function: string;
  email: string;
  workingLanguages: LanguageCode[];
  audiences: AudienceTag[];
  preferredLanguage: LanguageCode;
  status: DelegateStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  personId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The key the unique (event, email) constraint compares: emails differ regardless of case. */
export const emailKeyOf = (email: string) => email.trim().toLowerCase();

const toSettings = (row: SettingsRow): RegistrationSettingsRecord => ({
  eventId: row.event_id,
  open: row.open === 1,
  deadline: row.deadline,
  publicToken: row.public_token,
  updatedAt: row.updated_at,
});

const toDelegation = (row: DelegationRow): DelegationRecord => ({
  id: row.id,
  eventId: row.event_id,
  parliament: row.parliament,
  country: row.country,
  focalName: row.focal_name,
  focalEmail: row.focal_email,
  tokenHash: row.token_hash,
  source: row.source === 'public' ? 'public' : 'invited',
  reopenedUntil: row.reopened_until,
  submittedAt: row.submitted_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDelegate = (row: DelegateRow): DelegateRecord => ({
  id: row.id,
  delegationId: row.delegation_id,
  eventId: row.event_id,
  position: row.position,
  name: row.name,
  function: row.function,
  email: row.email,
  workingLanguages: parseArray(row.working_languages, isString) as LanguageCode[],
  audiences: parseArray(row.audiences, isString) as AudienceTag[],
  preferredLanguage: row.preferred_language as LanguageCode,
  status: row.status as DelegateStatus,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
  personId: row.person_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const delegateRow = (delegate: DelegateRecord) => ({
  delegation_id: delegate.delegationId,
  event_id: delegate.eventId,
  position: delegate.position,
  name: delegate.name,
  function: delegate.function,
  email: delegate.email,
  email_key: emailKeyOf(delegate.email),
  working_languages: JSON.stringify(delegate.workingLanguages),
  audiences: JSON.stringify(delegate.audiences),
  preferred_language: delegate.preferredLanguage,
  status: delegate.status,
  decided_at: delegate.decidedAt,
  decided_by: delegate.decidedBy,
  person_id: delegate.personId,
  created_at: delegate.createdAt,
  updated_at: delegate.updatedAt,
});

/**
 * Registration of delegations (issue 16): the event's settings, one delegation per parliament,
 * and its delegates. The services decide every rule (deadline, who may change what); the unique
 * (event, email) constraint on delegates is the last guard against one person registered twice.
 */
export function registrationRepository(db: Db) {
  return {
    async settings(eventId: string): Promise<RegistrationSettingsRecord | undefined> {
      const row = await db
        .selectFrom('registration_settings')
        .selectAll()
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row && toSettings(row);
    },

    async settingsByPublicToken(token: string): Promise<RegistrationSettingsRecord | undefined> {
      const row = await db
        .selectFrom('registration_settings')
        .selectAll()
        .where('public_token', '=', token)
        .executeTakeFirst();
      return row && toSettings(row);
    },

    async saveSettings(settings: RegistrationSettingsRecord): Promise<void> {
      const values = {
        open: settings.open ? 1 : 0,
        deadline: settings.deadline,
        public_token: settings.publicToken,
        updated_at: settings.updatedAt,
      };
      await db
        .insertInto('registration_settings')
        .values({ event_id: settings.eventId, ...values })
        .onConflict((conflict) => conflict.column('event_id').doUpdateSet(values))
        .execute();
    },

    async createDelegation(delegation: DelegationRecord): Promise<void> {
      await db
        .insertInto('delegations')
        .values({
          id: delegation.id,
          event_id: delegation.eventId,
          parliament: delegation.parliament,
          country: delegation.country,
          focal_name: delegation.focalName,
          focal_email: delegation.focalEmail,
          token_hash: delegation.tokenHash,
          source: delegation.source,
          reopened_until: delegation.reopenedUntil,
          submitted_at: delegation.submittedAt,
          created_at: delegation.createdAt,
          updated_at: delegation.updatedAt,
        })
        .execute();
    },

    async delegation(id: string): Promise<DelegationRecord | undefined> {
      const row = await db
        .selectFrom('delegations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toDelegation(row);
    },

    async delegationByTokenHash(tokenHash: string): Promise<DelegationRecord | undefined> {
      const row = await db
        .selectFrom('delegations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toDelegation(row);
    },

    async delegationsByEvent(eventId: string): Promise<DelegationRecord[]> {
      const rows = await db
        .selectFrom('delegations')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('parliament')
        .orderBy('id')
        .execute();
      return rows.map(toDelegation);
    },

    /** Everything but the ids, the event, the source and the creation date. */
    async updateDelegation(delegation: DelegationRecord): Promise<void> {
      await db
        .updateTable('delegations')
        .set({
          parliament: delegation.parliament,
          country: delegation.country,
          focal_name: delegation.focalName,
          focal_email: delegation.focalEmail,
          token_hash: delegation.tokenHash,
          reopened_until: delegation.reopenedUntil,
          submitted_at: delegation.submittedAt,
          updated_at: delegation.updatedAt,
        })
        .where('id', '=', delegation.id)
        .execute();
    },

    async delegatesOf(delegationId: string): Promise<DelegateRecord[]> {
      const rows = await db
        .selectFrom('delegates')
        .selectAll()
        .where('delegation_id', '=', delegationId)
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toDelegate);
    },

    async delegatesByEvent(eventId: string): Promise<DelegateRecord[]> {
      const rows = await db
        .selectFrom('delegates')
        .selectAll()
        .where('event_id', '=', eventId)
        .orderBy('delegation_id')
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toDelegate);
    },

    async delegatesByIds(ids: readonly string[]): Promise<DelegateRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('delegates').selectAll().where('id', 'in', ids).execute();
      return rows.map(toDelegate);
    },

    /**
     * Which of these email keys a delegate of another delegation of the event already has
     * (one person cannot be registered by two parliaments).
     */
    async emailKeysTakenElsewhere(
      eventId: string,
      delegationId: string,
      emailKeys: readonly string[],
    ): Promise<Set<string>> {
      if (emailKeys.length === 0) return new Set();
      const rows = await db
        .selectFrom('delegates')
        .select('email_key')
        .where('event_id', '=', eventId)
        .where('delegation_id', '!=', delegationId)
        .where('email_key', 'in', emailKeys)
        .execute();
      return new Set(rows.map((row) => row.email_key));
    },

    async insertDelegate(delegate: DelegateRecord): Promise<void> {
      await db
        .insertInto('delegates')
        .values({ id: delegate.id, ...delegateRow(delegate) })
        .execute();
    },

    async updateDelegate(delegate: DelegateRecord): Promise<void> {
      await db
        .updateTable('delegates')
        .set(delegateRow(delegate))
        .where('id', '=', delegate.id)
        .execute();
    },

    /**
     * Gives delegates a placeholder email key of their own id, so a save that swaps two emails
     * can write the final keys one by one without meeting the unique constraint halfway.
     */
    async releaseEmailKeys(ids: readonly string[]): Promise<void> {
      for (const id of ids) {
        await db
          .updateTable('delegates')
          .set({ email_key: `#released:${id}` })
          .where('id', '=', id)
          .execute();
      }
    },

    async removeDelegates(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.deleteFrom('delegates').where('id', 'in', ids).execute();
    },
  };
}

export type RegistrationRepository = ReturnType<typeof registrationRepository>;

/** Is this error the unique (event, email) constraint of delegates, on SQLite or PostgreSQL? */
export function isDuplicateDelegateEmail(error: unknown): boolean {
  const { code, message, constraint } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    constraint?: unknown;
  };
  if (code === '23505') return constraint === 'delegates_email_per_event';
  return (
    typeof code === 'string' &&
    code.startsWith('SQLITE_CONSTRAINT') &&
    typeof message === 'string' &&
    message.includes('delegates.email_key')
  );
}
