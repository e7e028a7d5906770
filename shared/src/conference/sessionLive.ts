import { z } from 'zod';
import { entityIdSchema } from './common.ts';
import { personText } from './personText.ts';
import { reviewStatusSchema } from '../api/review.ts';

/** The stages a co-creation session goes through, shown in every group. */
export const sessionPhases = ['gathering', 'drafting', 'review', 'wrap-up'] as const;
export const sessionPhaseSchema = z.enum(sessionPhases, {
  error: 'Choose a phase: gathering, drafting, review or wrap-up.',
});
export type SessionPhase = z.infer<typeof sessionPhaseSchema>;

/** A timer runs for at most this long (a day's work), and is set in whole minutes. */
export const maxTimerMinutes = 480;
const minutesSchema = z
  .number({ error: 'Give the minutes as a number.' })
  .int('Give whole minutes.')
  .min(1, 'At least one minute.')
  .max(maxTimerMinutes, `At most ${maxTimerMinutes} minutes.`);

/**
 * The session's countdown, the same for every group. Running: it ends at `endsAt` (pages count
 * down against the server's clock, `serverNow`). Paused: `remainingMs` are left. Ended or never
 * started: null.
 */
export const sessionTimerSchema = z
  .object({
    state: z.enum(['running', 'paused']),
    endsAt: z.string().nullable(),
    remainingMs: z.number().int().nonnegative(),
    durationMs: z.number().int().positive(),
  })
  .nullable();
export type SessionTimer = z.infer<typeof sessionTimerSchema>;

export const announcementSchema = z.object({
  id: entityIdSchema,
  /** The one group it is for, or null for every group of the session. */
  groupId: entityIdSchema.nullable(),
  text: z.string(),
  createdAt: z.string(),
  /** Who sent it (their display name). */
  from: z.string(),
});
export type Announcement = z.infer<typeof announcementSchema>;

/** What every open page of a session shows: phase, timer, the announcements meant for it. */
export const sessionLiveSchema = z.object({
  sessionId: entityIdSchema,
  phase: sessionPhaseSchema.nullable(),
  timer: sessionTimerSchema,
  /** Newest first; only those meant for the asker (all groups, or a group they are in or run). */
  announcements: z.array(announcementSchema),
  /** The scheduled freeze (versions, then locks, at the session's end), and whether it is done. */
  freeze: z.object({ at: z.string(), done: z.boolean() }).nullable(),
  /** The server's time when this was read: pages correct their clock with it. */
  serverNow: z.string(),
  /** May the asker run the session (timer, phase, announcements, locks)? */
  canRun: z.boolean(),
  /**
   * The review status of each guide of the session the asker may open, so an open guide page
   * (and the console) follow a move at once.
   */
  reviews: z.array(
    z.object({
      guideId: entityIdSchema,
      status: reviewStatusSchema,
      changedAt: z.string().nullable(),
    }),
  ),
});
export type SessionLive = z.infer<typeof sessionLiveSchema>;

export const timerActionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('start'), minutes: minutesSchema }).strict(),
    z.object({ action: z.literal('extend'), minutes: minutesSchema }).strict(),
    z.object({ action: z.literal('pause') }).strict(),
    z.object({ action: z.literal('resume') }).strict(),
    z.object({ action: z.literal('end') }).strict(),
  ],
  { error: 'Choose a timer action: start, extend, pause, resume or end.' },
);
export type TimerAction = z.infer<typeof timerActionSchema>;

export const scheduleFreezeRequestSchema = z.object({ scheduled: z.boolean() }).strict();
export type ScheduleFreezeRequest = z.infer<typeof scheduleFreezeRequestSchema>;

export const setPhaseRequestSchema = z.object({ phase: sessionPhaseSchema.nullable() }).strict();
export type SetPhaseRequest = z.infer<typeof setPhaseRequestSchema>;

export const announcementRequestSchema = z
  .object({
    text: personText('The announcement', 500),
    groupId: entityIdSchema.nullable().default(null),
  })
  .strict();
export type AnnouncementRequest = z.input<typeof announcementRequestSchema>;

/** The facilitator's console: every group of the session at a glance. */
export const sessionConsoleSchema = z.object({
  groups: z.array(
    z.object({
      groupId: entityIdSchema,
      name: z.string(),
      guideId: entityIdSchema,
      /** Names of the people with the guide open now. */
      online: z.array(z.string()),
      words: z.number().int().nonnegative(),
      locked: z.boolean(),
    }),
  ),
});
export type SessionConsole = z.infer<typeof sessionConsoleSchema>;
