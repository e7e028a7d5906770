import { z } from 'zod';
import { audienceTagSchema, entityIdSchema } from '../conference/index.ts';

/**
 * A person's own programme: the audiences they follow (set at registration, changed on their
 * profile), the sessions they plan to attend, and, for those who run sessions, how many plan to
 * attend each (so co-creation groups can be sized before the day).
 */
export const personalProgrammeSchema = z.object({
  audiences: z.array(audienceTagSchema),
  plannedSessionIds: z.array(entityIdSchema),
  /** Session id → how many plan to attend; null for people who do not run sessions. */
  attendanceCounts: z.record(z.string(), z.number().int()).nullable(),
});
export type PersonalProgramme = z.infer<typeof personalProgrammeSchema>;

export const planAttendanceRequestSchema = z.object({ planned: z.boolean() });
export type PlanAttendanceRequest = z.input<typeof planAttendanceRequestSchema>;

export const setAudiencesRequestSchema = z.object({
  audiences: z
    .array(audienceTagSchema)
    .max(6)
    .refine((list) => new Set(list).size === list.length, 'Each audience once.'),
});
export type SetAudiencesRequest = z.input<typeof setAudiencesRequestSchema>;
