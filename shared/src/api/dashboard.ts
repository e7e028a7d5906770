import { z } from 'zod';
import { entityIdSchema, instantSchema, languageSchema } from '../conference/common.ts';
import { documentIdSchema } from '../protocol/documentId.ts';
import { reviewStatusSchema } from './review.ts';

/**
 * One guide on the organisers' dashboard. Each column comes from one small source on the server
 * (programme, review, the collaboration server's sockets, the attribution record, the guide's
 * text), so a change recomputes only the columns it touches.
 */
export const dashboardRowSchema = z.object({
  guideId: documentIdSchema,
  groupId: entityIdSchema,
  groupName: z.string(),
  sessionId: entityIdSchema,
  sessionTitle: z.string(),
  workingLanguage: languageSchema,
  status: reviewStatusSchema,
  /** People with the guide open now (each person once, however many tabs). */
  online: z.number().int().min(0),
  /** People who ever wrote in it (the server's attribution record), and their parliaments. */
  contributors: z.number().int().min(0),
  parliaments: z.number().int().min(0),
  words: z.number().int().min(0),
  /** Template sections whose body holds text of the group's own (null: no template headings). */
  sections: z
    .object({ filled: z.number().int().min(0), total: z.number().int().min(0) })
    .nullable(),
  /** Comments not yet resolved; null while the server has no comments source (shown "—"). */
  openComments: z.number().int().min(0).nullable(),
  /** The last stored edit by a person (null: nobody wrote yet). */
  lastEditAt: instantSchema.nullable(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

/** `GET /api/dashboard`: every guide of the caller's event. */
export const dashboardSchema = z.object({
  rows: z.array(dashboardRowSchema),
  at: instantSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * A message of `GET /api/dashboard/events` (`event: rows`): the whole set first (`full`), then
 * only the rows that changed, at most once a second. `removed` names guides no longer shown.
 */
export const dashboardUpdateSchema = dashboardSchema.extend({
  full: z.boolean(),
  removed: z.array(documentIdSchema),
});
export type DashboardUpdate = z.infer<typeof dashboardUpdateSchema>;

/** The widest activity window one request may ask for, and the bucket sizes allowed. */
export const maxActivityHours = 24;
export const activityBucketMinutes = [1, 5, 15, 60] as const;

/**
 * `GET /api/dashboard/activity?guideId=…` or `?sessionId=…`: edits over time for one guide or
 * one session's guides. Exactly one of the two; unknown parameters are refused.
 */
export const dashboardActivityQuerySchema = z
  .object({
    guideId: documentIdSchema.optional(),
    sessionId: entityIdSchema.optional(),
    hours: z.coerce.number().int().min(1).max(maxActivityHours).default(3),
    bucketMinutes: z.coerce
      .number()
      .int()
      .refine(
        (minutes) => (activityBucketMinutes as readonly number[]).includes(minutes),
        `A bucket is ${activityBucketMinutes.join(', ')} minutes.`,
      )
      .default(5),
  })
  .strict()
  .refine((query) => (query.guideId === undefined) !== (query.sessionId === undefined), {
    message: 'Ask for one guide (guideId) or one session (sessionId).',
    path: ['guideId'],
  });
export type DashboardActivityQuery = z.input<typeof dashboardActivityQuerySchema>;

/** Stored edits per bucket (each bucket starts at `start`, UTC), oldest first, empty ones too. */
export const dashboardActivitySchema = z.object({
  bucketMinutes: z.number().int(),
  buckets: z.array(
    z.object({
      start: instantSchema,
      edits: z.number().int().min(0),
      /** People who wrote in the bucket. */
      people: z.number().int().min(0),
    }),
  ),
});
export type DashboardActivity = z.infer<typeof dashboardActivitySchema>;
