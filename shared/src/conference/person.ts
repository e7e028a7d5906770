import { z } from 'zod';
import { entityIdSchema, languageSchema } from './common.ts';
import { personText } from './personText.ts';
import { isCountryCode } from './countries.ts';

export const roles = ['organiser', 'facilitator', 'participant', 'observer'] as const;
export const roleSchema = z.enum(roles, {
  error: 'Choose a role: organiser, facilitator, participant or observer.',
});
export type Role = z.infer<typeof roleSchema>;

/** What an invite (and so a person) reaches: the whole event, one session or one group. */
export const scopeTypes = ['event', 'session', 'group'] as const;
export const scopeSchema = z.object({
  type: z.enum(scopeTypes),
  id: entityIdSchema,
});
export type Scope = z.infer<typeof scopeSchema>;

/** Two-letter ISO 3166 country code, upper case, of a current country or territory. */
export const countrySchema = z
  .string({ error: 'Country is required.' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'Use the two-letter code of a country, such as FR or KE.');

/** What everyone may see of a person: enough to know who is in a group. */
export const memberSchema = z.object({
  id: entityIdSchema,
  displayName: z.string(),
  parliament: z.string(),
  country: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const personSchema = memberSchema.extend({
  eventId: entityIdSchema,
  preferredLanguage: languageSchema,
  email: z.string().nullable(),
  /**
   * Parliament and country vouched for by the organisers or by registration, not only typed by
   * the person: the good-practice library gives a parliament's rights on this alone.
   */
  parliamentConfirmed: z.boolean(),
  scope: scopeSchema,
  /** The groups this person belongs to. */
  groupIds: z.array(entityIdSchema),
});
export type Person = z.infer<typeof personSchema>;

export const personListSchema = z.object({ people: z.array(personSchema) });
export type PersonList = z.infer<typeof personListSchema>;

export const emailSchema = z
  .email({ error: 'Use an email address such as name@parliament.example.' })
  .max(254, 'An email address has at most 254 characters.');

/** What a person tells us about themselves when they join (no passwords). */
export const profileSchema = z.object({
  displayName: personText('Your name', 80),
  parliament: personText('Parliament or delegation', 120),
  country: countrySchema,
  preferredLanguage: languageSchema,
  email: z.union([emailSchema, z.literal('').transform(() => null), z.null()]).optional(),
});
export type Profile = z.input<typeof profileSchema>;

export const updateProfileRequestSchema = profileSchema.partial();
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;

/** What an organiser may change about someone. */
export const updatePersonRequestSchema = z
  .object({
    role: roleSchema.optional(),
    /** Confirm (or withdraw) the person's parliament and country as they are. */
    parliamentConfirmed: z.boolean().optional(),
  })
  .strict();
export type UpdatePersonRequest = z.infer<typeof updatePersonRequestSchema>;

/** The signed-in person, and what the interface should offer them. */
export const meSchema = z.object({
  person: personSchema,
  capabilities: z.object({
    /** Create and edit the event, sessions and groups; invites; import; assignment. */
    manageEvent: z.boolean(),
    /** Session ids whose groups this person may manage (facilitators). */
    facilitatedSessionIds: z.array(entityIdSchema),
    /** Group ids this person may manage. */
    facilitatedGroupIds: z.array(entityIdSchema),
  }),
});
export type Me = z.infer<typeof meSchema>;
