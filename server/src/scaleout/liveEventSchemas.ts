import { z } from 'zod';
import { commentThreadSchema, documentIdSchema, reviewStatusSchema } from '@draftroom/shared';
import type { LiveEvents, Topic } from '../services/events/eventBus.ts';

/**
 * What an event of each topic must look like when it comes from another instance (which may run
 * another version). A topic added to `LiveEvents` fails the typecheck here until it has a schema,
 * so no topic crosses instances unchecked. Ids are checked as ids: a listener may look them up.
 */
const ids = z.array(documentIdSchema).max(100_000);

const schemas = {
  access: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('people'), personIds: ids }),
    z.object({ kind: z.literal('signIns'), authSessionIds: ids }),
    z.object({ kind: z.literal('personRevoked'), personId: documentIdSchema }),
    z.object({ kind: z.literal('documents'), documentIds: ids }),
  ]),
  guideLock: z.object({
    guideIds: ids,
    locked: z.boolean(),
    reason: z.enum(['facilitator', 'freeze']),
  }),
  guideReview: z.object({
    guideId: documentIdSchema,
    sessionId: documentIdSchema,
    from: reviewStatusSchema,
    to: reviewStatusSchema,
  }),
  guideComments: z.object({ guideId: documentIdSchema, thread: commentThreadSchema }),
  guideDotVotes: z.object({ guideId: documentIdSchema }),
  guidesRenamed: z.object({ guideIds: ids }),
  sessionLive: z.object({ sessionId: documentIdSchema }),
  sessionInteraction: z.object({ sessionId: documentIdSchema }),
  sessionPractices: z.object({ sessionId: documentIdSchema }),
  practiceChanged: z.object({ eventId: documentIdSchema, practiceId: documentIdSchema }),
} satisfies { [T in Topic]: z.ZodType<LiveEvents[T]> };

export const topics = Object.keys(schemas) as Topic[];

export function isTopic(value: unknown): value is Topic {
  return typeof value === 'string' && Object.hasOwn(schemas, value);
}

/** The event, checked against its topic's schema, or undefined. */
export function parseLiveEvent<T extends Topic>(
  topic: T,
  event: unknown,
): LiveEvents[T] | undefined {
  const result = (schemas[topic] as unknown as z.ZodType<LiveEvents[T]>).safeParse(event);
  return result.success ? result.data : undefined;
}
