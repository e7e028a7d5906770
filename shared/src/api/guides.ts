import { z } from 'zod';
import { documentIdSchema } from '../protocol/documentId.ts';
import { limits } from '../protocol/limits.ts';

export const guideSchema = z.object({
  id: documentIdSchema,
  title: z.string(),
  createdAt: z.string(),
});
export type Guide = z.infer<typeof guideSchema>;

export const guideListSchema = z.object({ guides: z.array(guideSchema) });
export type GuideList = z.infer<typeof guideListSchema>;

export const createGuideRequestSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the guide a title.')
    .max(limits.maxTitleLength, `Keep the title under ${limits.maxTitleLength} characters.`),
});
export type CreateGuideRequest = z.infer<typeof createGuideRequestSchema>;
