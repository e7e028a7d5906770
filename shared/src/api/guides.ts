import { z } from 'zod';
import { documentIdSchema } from '../protocol/documentId.ts';

export const permissionSchema = z.enum(['write', 'read']);

/** A guide as the signed-in person sees it: where it belongs and what they may do with it. */
export const guideSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  createdAt: z.string(),
  groupId: documentIdSchema.nullable(),
  sessionId: documentIdSchema.nullable(),
  /** What the signed-in person may do with the guide's text. */
  permission: permissionSchema,
});
export type Guide = z.infer<typeof guideSchema>;

export const guideListSchema = z.object({ guides: z.array(guideSchema) });
export type GuideList = z.infer<typeof guideListSchema>;
