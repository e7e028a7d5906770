import { z } from 'zod';
import { guideSchema } from './guides.ts';

/**
 * A guide as it is now, read-only: the guide (title, place, what the caller may do) and its
 * content as ProseMirror JSON of the shared schema, for pages that show a guide without opening
 * it live (comparing two guides side by side, the organisers reading one). Like a version's
 * content, the client checks only the outer shape: the server derived it from a state that
 * passed the schema gate.
 */
export const guideContentSchema = z.object({
  guide: guideSchema,
  content: z
    .object({ type: z.literal('doc') })
    .catchall(z.unknown())
    .transform((value) => value as { type: 'doc'; content?: unknown[] }),
});
export type GuideContent = z.infer<typeof guideContentSchema>;
