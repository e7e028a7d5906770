import { z } from 'zod';
import { entityIdSchema, instantSchema, languageSchema } from './common.ts';
import { personText } from './personText.ts';
import { groupSchema } from './group.ts';

export const sessionKinds = [
  'thought-leader-debate',
  'good-practice-exchange',
  'co-creation',
] as const;
export const sessionKindSchema = z.enum(sessionKinds, {
  error: 'Choose a session kind: thought-leader-debate, good-practice-exchange or co-creation.',
});
export type SessionKind = z.infer<typeof sessionKindSchema>;

/** Who a session is for; the programme filters on these. */
export const audienceTags = [
  'digital-ict',
  'social-media',
  'parliamentary-websites',
  'communications',
  'library-research',
  'citizen-engagement',
] as const;
export const audienceTagSchema = z.enum(audienceTags, { error: 'Unknown audience tag.' });
export type AudienceTag = z.infer<typeof audienceTagSchema>;

export const sessionSchema = z.object({
  id: entityIdSchema,
  eventId: entityIdSchema,
  title: z.string(),
  description: z.string(),
  kind: sessionKindSchema,
  audience: z.array(audienceTagSchema),
  startsAt: z.string(),
  endsAt: z.string(),
  languages: z.array(languageSchema),
  /** Participants may pick their own group (co-creation sessions only). */
  selfSelect: z.boolean(),
  /**
   * What each group's empty guide starts from: a template of the event, the built-in one
   * (`builtInTemplateId`), or null for a blank guide.
   */
  templateId: entityIdSchema.nullable(),
});
export type ConferenceSession = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.object({ sessions: z.array(sessionSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;

/** A session with its groups and who is in each (the session page). */
export const sessionDetailSchema = z.object({
  session: sessionSchema,
  groups: z.array(groupSchema),
  /** What the signed-in person may do here, decided by the server's policy. */
  capabilities: z.object({
    /** Offer "Join this group": they may choose their own group of this session now. */
    chooseGroup: z.boolean(),
    /** Offer "Export the session's guides" (compiled into one document). */
    compileGuides: z.boolean(),
  }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const sessionInputSchema = z
  .object({
    title: personText('The title', 200),
    description: personText('The description', 4000, { optional: true, multiline: true }),
    kind: sessionKindSchema,
    audience: z.array(audienceTagSchema).max(audienceTags.length),
    startsAt: instantSchema,
    endsAt: instantSchema,
    languages: z.array(languageSchema).min(1, 'Choose at least one language.'),
    selfSelect: z.boolean().default(false),
    templateId: entityIdSchema.nullable().default(null),
  })
  .refine((session) => Date.parse(session.endsAt) > Date.parse(session.startsAt), {
    path: ['endsAt'],
    error: 'The session must end after it starts.',
  })
  .refine((session) => !session.selfSelect || session.kind === 'co-creation', {
    path: ['selfSelect'],
    error: 'Only co-creation sessions have groups to choose from.',
  });
export type SessionInput = z.input<typeof sessionInputSchema>;
