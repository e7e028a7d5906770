import type { RegistrationSettings, UpdateRegistrationSettingsRequest } from '@draftroom/shared';
import { checkZonedTime } from '../../organiser/formProblems.ts';
import { instantToZoned, type LocalDateTime } from '../../organiser/zonedTime.ts';
import type { Mapped, Problem } from '../../ui/form/problems.ts';

/**
 * The organisers' registration settings, and a parliament's reopening: dates typed on the
 * event's clock (whatever zone the organiser's laptop is in), sent as UTC instants.
 */

export interface SettingsValues {
  open: boolean;
  /** On the event's clock; '' for no deadline. */
  deadline: LocalDateTime;
  publicPage: boolean;
}
export type SettingsField = keyof SettingsValues;
export const settingsFields: readonly SettingsField[] = ['open', 'deadline', 'publicPage'];

export function settingsValues(settings: RegistrationSettings, timeZone: string): SettingsValues {
  return {
    open: settings.open,
    deadline: settings.deadline ? instantToZoned(settings.deadline, timeZone) : '',
    publicPage: settings.publicPath !== null,
  };
}

export function toSettingsRequest(
  values: SettingsValues,
  timeZone: string,
): Mapped<UpdateRegistrationSettingsRequest, SettingsField> {
  let deadline: string | null = null;
  if (values.deadline.trim() !== '') {
    const checked = checkZonedTime(values.deadline, timeZone);
    if (!checked.ok) return { ok: false, problems: { deadline: checked.problem } };
    deadline = checked.instant;
  }
  return { ok: true, request: { open: values.open, deadline, publicPage: values.publicPage } };
}

/** "Reopen until": a date on the event's clock, after now (past dates would reopen nothing). */
export function toReopenUntil(
  value: LocalDateTime,
  timeZone: string,
  now: number,
): { ok: true; instant: string } | { ok: false; problem: Problem } {
  const checked = checkZonedTime(value, timeZone);
  if (!checked.ok) return checked;
  if (Date.parse(checked.instant) <= now) return { ok: false, problem: { key: 'notInFuture' } };
  return checked;
}
