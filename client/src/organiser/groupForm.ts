import type { BreakoutGroup, GroupInput, LanguageCode } from '@draftroom/shared';
import type { Mapped, Problems } from '../ui/form/problems.ts';
import { checkText, checkWholeNumber } from './formProblems.ts';

export interface GroupFormValues {
  name: string;
  workingLanguage: LanguageCode;
  /** As typed in the number input. */
  capacity: string;
}

export type GroupField = keyof GroupFormValues;

export const maxGroupCapacity = 500;

export function newGroupValues(sessionLanguages: readonly LanguageCode[]): GroupFormValues {
  return { name: '', workingLanguage: sessionLanguages[0] ?? 'en', capacity: '20' };
}

export function groupFormValues(group: BreakoutGroup): GroupFormValues {
  return {
    name: group.name,
    workingLanguage: group.workingLanguage,
    capacity: String(group.capacity),
  };
}

/** The group form → the body of POST /sessions/:id/groups or PUT /groups/:id. */
export function toGroupInput(values: GroupFormValues): Mapped<GroupInput, GroupField> {
  const problems: Problems<GroupField> = {};
  const name = checkText(values.name, 120);
  if (name) problems.name = name;
  const capacity = checkWholeNumber(values.capacity, 1, maxGroupCapacity);
  if (!capacity.ok) problems.capacity = capacity.problem;
  if (!capacity.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      name: values.name.trim(),
      workingLanguage: values.workingLanguage,
      capacity: capacity.value,
    },
  };
}
