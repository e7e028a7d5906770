import { emailKeyOf } from '../../persistence/repositories/registration.ts';
import type { z } from 'zod';
import type { saveDelegationRequestSchema } from '@draftroom/shared';
import { DomainError } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { DelegateRecord, DelegationRecord, Repositories } from '../../persistence/index.ts';
import { foreignDelegateIds } from '../access/registrationPolicy.ts';

type SaveDelegation = z.output<typeof saveDelegationRequestSchema>;
type Detail = { path: string; message: string };

const refuse = (code: 'conflict' | 'validation_failed', message: string, details: Detail[]) =>
  new DomainError(code, message, details);

/**
 * A focal point's save: the whole list replaces the delegation, matched by delegate id, inside
 * the caller's transaction (so a refused save writes nothing). The rules:
 * - ids must be this delegation's own delegates, each named once;
 * - the organisers' decisions stand: an approved delegate cannot be removed, nor renamed, nor
 *   given another email (it is how they sign in); their other fields may change and are copied
 *   to the person they became; a declined one may be edited and stays declined;
 * - an email already registered for the event by another delegation, or belonging to someone
 *   already in the event, is refused (without saying where: that is not this parliament's to
 *   know).
 */
export async function saveDelegationIn(
  repos: Repositories,
  delegation: DelegationRecord,
  input: SaveDelegation,
  now: string,
): Promise<void> {
  const store = repos.registration;
  const onFile = await store.delegatesOf(delegation.id);
  const byId = new Map(onFile.map((delegate) => [delegate.id, delegate]));

  const foreign = new Set(
    foreignDelegateIds(
      onFile,
      input.delegates.map((delegate) => delegate.id),
    ),
  );
  const seenIds = new Set<string>();
  const idProblems: Detail[] = [];
  input.delegates.forEach((delegate, index) => {
    if (delegate.id === undefined) return;
    if (foreign.has(delegate.id) || seenIds.has(delegate.id)) {
      idProblems.push({
        path: `delegates.${index}.id`,
        message: 'This is not a delegate of your delegation; reload the page and try again.',
      });
    }
    seenIds.add(delegate.id);
  });
  if (idProblems.length > 0) {
    throw refuse(
      'validation_failed',
      'Some delegates in this list are not part of your delegation; reload the page and try again.',
      idProblems,
    );
  }

  const removed = onFile.filter((delegate) => !seenIds.has(delegate.id));
  const approvedRemoved = removed.filter((delegate) => delegate.status === 'approved');
  if (approvedRemoved.length > 0) {
    throw refuse(
      'conflict',
      `${approvedRemoved.map((delegate) => delegate.name).join(', ')} ${approvedRemoved.length === 1 ? 'was' : 'were'} approved by the organisers and cannot be removed here; ask the organisers.`,
      approvedRemoved.map((delegate) => ({
        path: 'delegates',
        message: `${delegate.name} was approved; ask the organisers to remove them.`,
      })),
    );
  }

  const lockedProblems: Detail[] = [];
  input.delegates.forEach((delegate, index) => {
    const before = delegate.id === undefined ? undefined : byId.get(delegate.id);
    if (before?.status !== 'approved') return;
    if (delegate.name !== before.name) {
      lockedProblems.push({
        path: `delegates.${index}.name`,
        message: 'This delegate was approved: ask the organisers to change their name.',
      });
    }
    if (emailKeyOf(delegate.email) !== emailKeyOf(before.email)) {
      lockedProblems.push({
        path: `delegates.${index}.email`,
        message: 'This delegate was approved: ask the organisers to change their email.',
      });
    }
  });
  if (lockedProblems.length > 0) {
    throw refuse(
      'conflict',
      'An approved delegate’s name and email are how they are known and sign in; ask the organisers to change them.',
      lockedProblems,
    );
  }

  await refuseTakenEmails(repos, delegation, onFile, input);

  await store.removeDelegates(removed.map((delegate) => delegate.id));
  // Two delegates may swap emails in one save: the old keys go first, then the new ones.
  const rekeyed = input.delegates.flatMap((delegate) => {
    const before = delegate.id === undefined ? undefined : byId.get(delegate.id);
    return before && emailKeyOf(before.email) !== emailKeyOf(delegate.email) ? [before.id] : [];
  });
  await store.releaseEmailKeys(rekeyed);

  for (const [position, delegate] of input.delegates.entries()) {
    const before = delegate.id === undefined ? undefined : byId.get(delegate.id);
    const fields = {
      position,
      name: delegate.name,
      function: delegate.function,
      email: delegate.email,
      workingLanguages: delegate.workingLanguages,
      audiences: delegate.audiences,
      preferredLanguage: delegate.preferredLanguage,
    };
    if (before) {
      const unchanged = sameFields(before, fields);
      if (!unchanged) await store.updateDelegate({ ...before, ...fields, updatedAt: now });
      if (before.status === 'approved' && before.personId) {
        await copyToPerson(repos, before.personId, fields);
      }
      continue;
    }
    const created: DelegateRecord = {
      id: randomId(),
      delegationId: delegation.id,
      eventId: delegation.eventId,
      ...fields,
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
      personId: null,
      createdAt: now,
      updatedAt: now,
    };
    await store.insertDelegate(created);
  }

  await store.updateDelegation({
    ...delegation,
    focalName: input.focalPoint.name,
    focalEmail: input.focalPoint.email,
    submittedAt: now,
    updatedAt: now,
  });
}

async function refuseTakenEmails(
  repos: Repositories,
  delegation: DelegationRecord,
  onFile: readonly DelegateRecord[],
  input: SaveDelegation,
): Promise<void> {
  const keys = input.delegates.map((delegate) => emailKeyOf(delegate.email));
  const takenByDelegates = await repos.registration.emailKeysTakenElsewhere(
    delegation.eventId,
    delegation.id,
    keys,
  );
  // People this delegation's approved delegates became carry the same email: not a clash.
  const ownPeople = new Set(onFile.flatMap((delegate) => delegate.personId ?? []));
  const takenByPeople = new Set(
    (await repos.people.listByEvent(delegation.eventId))
      .filter((person) => person.email && !ownPeople.has(person.id))
      .map((person) => emailKeyOf(person.email as string)),
  );
  const problems: Detail[] = [];
  keys.forEach((key, index) => {
    if (takenByDelegates.has(key) || takenByPeople.has(key)) {
      problems.push({
        path: `delegates.${index}.email`,
        message: 'This email is already registered for this event.',
      });
    }
  });
  if (problems.length > 0) {
    const lines = problems.map((problem) => Number(problem.path.split('.')[1]) + 1).join(', ');
    throw refuse(
      'conflict',
      `The email of delegate ${lines} is already registered for this event (by another delegation, or as a participant). Each person is registered once; write to the organisers if this is a mistake.`,
      problems,
    );
  }
}

function sameFields(
  before: DelegateRecord,
  after: Omit<
    DelegateRecord,
    | 'id'
    | 'delegationId'
    | 'eventId'
    | 'status'
    | 'decidedAt'
    | 'decidedBy'
    | 'personId'
    | 'createdAt'
    | 'updatedAt'
  >,
): boolean {
  return (
    before.position === after.position &&
    before.name === after.name &&
    before.function === after.function &&
    before.email === after.email &&
    before.preferredLanguage === after.preferredLanguage &&
    JSON.stringify(before.workingLanguages) === JSON.stringify(after.workingLanguages) &&
    JSON.stringify(before.audiences) === JSON.stringify(after.audiences)
  );
}

/** An approved delegate's changes reach the person they became (language, audiences). */
async function copyToPerson(
  repos: Repositories,
  personId: string,
  fields: Pick<DelegateRecord, 'preferredLanguage' | 'audiences'>,
): Promise<void> {
  const person = await repos.people.get(personId);
  if (!person) return;
  if (person.preferredLanguage !== fields.preferredLanguage) {
    await repos.people.update({ ...person, preferredLanguage: fields.preferredLanguage });
  }
  await repos.people.setAudiences(personId, fields.audiences);
}
