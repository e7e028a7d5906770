import { z } from 'zod';
import { entityIdSchema, languageSchema } from './common.ts';
import { personText } from './personText.ts';
import { memberSchema } from './person.ts';

export const groupSchema = z.object({
  id: entityIdSchema,
  sessionId: entityIdSchema,
  name: z.string(),
  workingLanguage: languageSchema,
  capacity: z.number().int(),
  /** The group's one guide: its document id. */
  guideId: entityIdSchema,
  members: z.array(memberSchema),
});
export type BreakoutGroup = z.infer<typeof groupSchema>;

export const groupInputSchema = z.object({
  name: personText('The group name', 120),
  workingLanguage: languageSchema,
  capacity: z
    .number({ error: 'Capacity must be a whole number.' })
    .int('Capacity must be a whole number.')
    .min(1, 'A group needs room for at least one person.')
    .max(500, 'A group can hold at most 500 people.'),
});
export type GroupInput = z.infer<typeof groupInputSchema>;

/** Put people into a group by hand (or move them from another group of the same session). */
export const assignMembersRequestSchema = z.object({
  personIds: z.array(entityIdSchema).min(1, 'Choose at least one person.').max(1000),
});
export type AssignMembersRequest = z.infer<typeof assignMembersRequestSchema>;

/**
 * How to balance: people left over once every group of their language is full either stay
 * unplaced (`leave`, the default) or go to any group with room (`anyGroup`, marked as a mismatch).
 */
export const autoAssignRequestSchema = z.object({
  leftovers: z.enum(['leave', 'anyGroup']).default('leave'),
});
export type AutoAssignRequest = z.input<typeof autoAssignRequestSchema>;
export type AutoAssignLeftovers = z.infer<typeof autoAssignRequestSchema>['leftovers'];

/** The outcome of balancing a session's unassigned participants across its groups. */
export const autoAssignResultSchema = z.object({
  assigned: z.array(
    z.object({
      personId: entityIdSchema,
      groupId: entityIdSchema,
      /** Placed in a group that does not work in the person's language. */
      languageMismatch: z.boolean(),
    }),
  ),
  /** People who could not be placed (no group with room they were allowed into). */
  unplaced: z.array(entityIdSchema),
});
export type AutoAssignResult = z.infer<typeof autoAssignResultSchema>;
