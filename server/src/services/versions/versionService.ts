import type {
  GuideVersion,
  GuideVersionContent,
  RestoreResult,
  SaveVersionRequest,
  VersionKind,
} from '@draftroom/shared';
import * as Y from 'yjs';
import { DomainError, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import { perPersonLimit } from '../../lib/perPersonLimit.ts';
import { memoryLimiters, type Limiters } from '../../lib/rateLimits.ts';
import {
  serverAuthorId,
  type ConferenceStore,
  type GuideVersionRecord,
} from '../../persistence/index.ts';
import {
  canReadVersions,
  canRestoreVersion,
  canSaveVersion,
  guideRefusal,
  type Viewer,
} from '../access/policy.ts';
import { permissionOnGuide } from '../conference/guideService.ts';
import type { GuideDocuments } from '../documents/guideDocuments.ts';
import { automaticVersions } from './automaticVersions.ts';
import { contentOfState, replaceContentWith } from './guideContent.ts';

export interface TakeVersionOptions {
  /** Shown in the history; '' for none (automatic versions). */
  label: string;
  kind: VersionKind;
  /** The person who asked; null for the server. */
  by: string | null;
}

/** What is stored: the version taken just before a restore also names the version restored. */
type StoreOptions = TakeVersionOptions & { beforeRestoreOf?: string };

export interface VersionServiceOptions {
  /** Where its per-person limits count (Redis with several instances: they hold across them). */
  limiters?: Limiters;
  /** Automatic versions: at most one per guide this often, after activity (VERSION_EVERY_MINUTES). */
  everyMs: number;
  /**
   * Saves and restores one person may make per minute. Each stores the whole guide, so without a
   * bound one writer could fill the disk with copies (default 20: far above any real use).
   */
  savesPerMinute?: number;
  onError: (guideId: string, error: unknown) => void;
}

/**
 * Version history of guides. `takeVersion` is the one way a version is made; other features
 * call it (the lock and the session's freeze with `kind: 'lock' | 'freeze'`), the routes below
 * call it for people, and the automatic versions call it after activity. It reads the guide
 * through the document host (`readState`) and stores the whole state plus its ProseMirror JSON.
 */
export function createVersionService(
  conference: ConferenceStore,
  documents: GuideDocuments,
  options: VersionServiceOptions,
) {
  const { repositories } = conference;
  const saveLimit = perPersonLimit(
    options.savesPerMinute ?? 20,
    'You saved or restored many versions in the last minute; wait a moment and try again.',
    { limiters: options.limiters ?? memoryLimiters, name: 'versions' },
  );
  const takeSaveAttempt = (viewer: Viewer) => saveLimit.take(viewer.person.id);
  // Strictly increasing times, so "newest first" is the order versions were taken in, even two
  // taken in the same millisecond (the version before a restore, then a manual one).
  let lastTime = 0;
  const now = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  function store(guideId: string, state: Uint8Array, content: string, take: StoreOptions) {
    return repositories.guideVersions.create({
      id: randomId(),
      guideId,
      label: take.label,
      kind: take.kind,
      takenBy: take.by,
      takenAt: now(),
      beforeRestoreOf: take.beforeRestoreOf ?? null,
      state,
      content,
    });
  }

  /** Saves the guide as it is now. For other features: no permission check here, they decide. */
  async function takeVersion(guideId: string, take: TakeVersionOptions) {
    const state = await documents.readState(guideId);
    return store(guideId, state, JSON.stringify(contentOfState(state)), take);
  }

  /**
   * An automatic version, unless the guide reads the same as the newest version (compared as
   * ProseMirror JSON: a state vector would miss an edit that only deleted text).
   */
  async function takeAutomaticVersion(guideId: string): Promise<GuideVersionRecord | null> {
    const [latest, state] = await Promise.all([
      repositories.guideVersions.latestContent(guideId),
      documents.readState(guideId),
    ]);
    const content = JSON.stringify(contentOfState(state));
    if (latest === content) return null;
    return store(guideId, state, content, { label: '', kind: 'auto', by: null });
  }

  const automatic = automaticVersions({
    everyMs: options.everyMs,
    take: takeAutomaticVersion,
    onError: options.onError,
  });

  /** The caller's permission on the guide, or the refusal a stranger gets (as `getGuide`). */
  async function permissionOf(viewer: Viewer, guideId: string) {
    const access = await permissionOnGuide(repositories, viewer, guideId);
    if (access.permission) return access.permission;
    if (access.groupId !== null && guideRefusal(viewer, access) === 'forbidden') {
      throw new DomainError('forbidden', 'This guide belongs to another group.');
    }
    throw notFound('This guide');
  }

  /**
   * Records as the API shows them: the names of who took them, the restored version's label,
   * and who wrote in the guide since the version before (the server's attribution record).
   */
  async function present(records: GuideVersionRecord[]): Promise<GuideVersion[]> {
    const guideId = records[0]?.guideId;
    const writers = guideId ? await writersBetweenVersions(guideId) : new Map<string, string[]>();
    const names = new Map<string, string>();
    const people = records.flatMap((r) => [
      ...(r.takenBy ? [r.takenBy] : []),
      ...(writers.get(r.id) ?? []),
    ]);
    for (const id of new Set(people)) {
      const person = await repositories.people.get(id);
      names.set(id, person?.displayName ?? '');
    }
    const labels = new Map<string, string>();
    for (const record of records) {
      const of = record.beforeRestoreOf;
      if (!of || labels.has(of)) continue;
      const restored = await repositories.guideVersions.get(record.guideId, of);
      labels.set(of, restored?.label ?? '');
    }
    return records.map((record) => ({
      id: record.id,
      guideId: record.guideId,
      label: record.label,
      kind: record.kind,
      takenBy: record.takenBy
        ? { personId: record.takenBy, name: names.get(record.takenBy) ?? '' }
        : null,
      takenAt: record.takenAt,
      beforeRestoreOf: record.beforeRestoreOf
        ? { id: record.beforeRestoreOf, label: labels.get(record.beforeRestoreOf) ?? '' }
        : null,
      contributors: (writers.get(record.id) ?? []).map((personId) => ({
        personId,
        name: names.get(personId) ?? '',
      })),
      bytes: record.bytes,
    }));
  }
  /**
   * For each version of the guide, the people who wrote between the version before it and it.
   * The record is kept per minute, so someone whose minute of writing straddles a version is
   * named for both versions: never missed, at worst named once too often.
   */
  async function writersBetweenVersions(guideId: string): Promise<Map<string, string[]>> {
    const versions = (await repositories.guideVersions.listByGuide(guideId)).reverse();
    const minutes = await repositories.contributions.minutes(guideId);
    const writers = new Map<string, string[]>();
    let previous = '';
    for (const version of versions) {
      const authors = new Set<string>();
      for (const minute of minutes) {
        const inside = minute.lastAt > previous && minute.firstAt <= version.takenAt;
        if (inside && minute.authorId !== serverAuthorId) authors.add(minute.authorId);
      }
      writers.set(version.id, [...authors]);
      previous = version.takenAt;
    }
    return writers;
  }

  const presentOne = async (record: GuideVersionRecord) => (await present([record]))[0]!;

  async function versionOf(guideId: string, versionId: string) {
    const version = await repositories.guideVersions.get(guideId, versionId);
    if (!version) throw notFound('This version');
    return version;
  }

  return {
    takeVersion,
    takeAutomaticVersion,
    /** Call on every stored change of a guide (the document host's `persisted` hook). */
    noteActivity: (guideId: string) => automatic.noteActivity(guideId),
    pendingAutomatic: () => automatic.pending(),
    close: () => automatic.close(),

    async list(viewer: Viewer, guideId: string): Promise<GuideVersion[]> {
      if (!canReadVersions(await permissionOf(viewer, guideId))) {
        throw forbidden('You may not see this guide’s versions.');
      }
      return present(await repositories.guideVersions.listByGuide(guideId));
    },

    async save(viewer: Viewer, guideId: string, request: SaveVersionRequest) {
      if (!canSaveVersion(await permissionOf(viewer, guideId))) {
        throw forbidden('Only people who may write in this guide can save a version of it.');
      }
      await takeSaveAttempt(viewer);
      return presentOne(
        await takeVersion(guideId, { label: request.label, kind: 'manual', by: viewer.person.id }),
      );
    },

    async get(viewer: Viewer, guideId: string, versionId: string): Promise<GuideVersionContent> {
      if (!canReadVersions(await permissionOf(viewer, guideId))) {
        throw forbidden('You may not see this guide’s versions.');
      }
      const version = await versionOf(guideId, versionId);
      const stored = await repositories.guideVersions.content(guideId, versionId);
      if (!stored) throw notFound('This version');
      return {
        version: await presentOne(version),
        content: JSON.parse(stored.content) as GuideVersionContent['content'],
      };
    },

    /**
     * Makes the guide hold the version's content again, as one server change everyone sees live.
     * The guide as it was is saved first ("before restore"), so restoring that one undoes this.
     */
    async restore(viewer: Viewer, guideId: string, versionId: string): Promise<RestoreResult> {
      if (!canRestoreVersion(await permissionOf(viewer, guideId))) {
        throw forbidden('Only people who may write in this guide can restore a version of it.');
      }
      const version = await versionOf(guideId, versionId);
      const stored = await repositories.guideVersions.content(guideId, versionId);
      if (!stored) throw notFound('This version');
      await takeSaveAttempt(viewer);
      const change = replaceContentWith(JSON.parse(stored.content));
      const state = await documents.readState(guideId);
      const content = JSON.stringify(contentOfState(state));
      if (content === stored.content) {
        return { before: null, restored: await presentOne(version), changed: false };
      }
      // The guide as it is is saved first: if storing it fails, nothing is restored.
      const take = { label: '', kind: 'auto' as const, by: viewer.person.id };
      let before = await store(guideId, state, content, { ...take, beforeRestoreOf: version.id });
      // Edits may land between that read and the change: the change records exactly what it
      // replaced, and the version made for this restore is brought up to it if they did.
      let replaced: Uint8Array | undefined;
      const changed = await documents.withDocument(guideId, (doc) => {
        replaced = Y.encodeStateAsUpdate(doc);
        change(doc);
      });
      const exact = replaced as Uint8Array | undefined;
      const exactContent = exact ? JSON.stringify(contentOfState(exact)) : content;
      if (exact && exactContent !== content) {
        before = await repositories.guideVersions.replaceState(before, {
          state: exact,
          content: exactContent,
        });
      }
      return {
        before: await presentOne(before),
        restored: await presentOne(version),
        changed,
      };
    },
  };
}

export type VersionService = ReturnType<typeof createVersionService>;
