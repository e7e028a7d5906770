import { z } from 'zod';
import { entityIdSchema, languageSchema } from './common.ts';
import { personText } from './personText.ts';

/**
 * Guide templates: what a group's empty guide starts from. Draftroom ships one, the practical
 * guide, in every interface language (its id is fixed); organisers add their own per event, one
 * language each. A session names one template (or none: a blank guide).
 */
export const builtInTemplateId = 'builtin-practical-guide';

/** A template's body as JSON text may be at most this long (ProseMirror JSON). */
export const maxTemplateContentChars = 200_000;
/** Nested nodes and marks deeper than this are refused before anything walks them. */
export const maxTemplateContentDepth = 40;

/** How deeply arrays and objects nest in a JSON value, counted without recursion. */
function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number };
    if (next.value === null || typeof next.value !== 'object') continue;
    deepest = Math.max(deepest, next.depth + 1);
    if (deepest > maxTemplateContentDepth * 4) return deepest; // enough to refuse
    for (const child of Object.values(next.value))
      stack.push({ value: child, depth: next.depth + 1 });
  }
  return deepest;
}

/**
 * The editor content of a template (ProseMirror JSON, a `doc`). This is the shape and size only:
 * the server checks it node by node against the guide's editor schema before storing it.
 */
export const templateContentSchema = z
  .object({
    type: z.literal('doc', { error: 'A template is a document.' }),
    content: z.array(z.unknown()),
  })
  .loose()
  .superRefine((doc, context) => {
    // Depth first, without recursion: a body of 2 MB can nest a million arrays, which would
    // overflow the stack of anything recursive (JSON.stringify included) before a check refused it.
    // Each node is an object inside an array inside an object: about four levels per step.
    if (jsonDepth(doc) > maxTemplateContentDepth * 4) {
      context.addIssue({
        code: 'custom',
        message: 'This template nests lists or tables too deeply.',
      });
      return;
    }
    if (JSON.stringify(doc).length > maxTemplateContentChars) {
      context.addIssue({
        code: 'custom',
        message: `A template can hold at most ${maxTemplateContentChars.toLocaleString('en')} characters of content.`,
      });
    }
  });
export type TemplateContent = z.infer<typeof templateContentSchema>;

/** A template in a list: what a session form and the templates screen show. */
export const templateSummarySchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  /** The language it is written in; null for the built-in one, which exists in every language. */
  language: languageSchema.nullable(),
  /** Shipped with Draftroom: read-only, the same for every event. */
  builtIn: z.boolean(),
  /** When it was last saved (null for the built-in one). */
  updatedAt: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateListSchema = z.object({ templates: z.array(templateSummarySchema) });
export type TemplateList = z.infer<typeof templateListSchema>;

/** One template with its content, for the editor. */
export const templateSchema = templateSummarySchema.extend({
  language: languageSchema,
  content: templateContentSchema,
});
export type GuideTemplate = z.infer<typeof templateSchema>;

export const templateInputSchema = z.object({
  name: personText('The template name', 120),
  language: languageSchema,
  content: templateContentSchema,
});
export type TemplateInput = z.input<typeof templateInputSchema>;
