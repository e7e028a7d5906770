import { z } from 'zod';
import { entityIdSchema, instantSchema, languageSchema } from './common.ts';
import { meSchema, profileSchema, roleSchema, scopeSchema } from './person.ts';
import { personText } from './personText.ts';

export const inviteSchema = z.object({
  id: entityIdSchema,
  eventId: entityIdSchema,
  role: roleSchema,
  scope: scopeSchema,
  /** What the scope is called (event name, session title or group name), for lists. */
  scopeName: z.string(),
  label: z.string(),
  /** Set for a personal link: joining signs in as this person instead of creating one. */
  personId: entityIdSchema.nullable(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdAt: z.string(),
});
export type Invite = z.infer<typeof inviteSchema>;

export const inviteListSchema = z.object({ invites: z.array(inviteSchema) });
export type InviteList = z.infer<typeof inviteListSchema>;

/** Returned once, when the invite is made: the token is never stored and cannot be shown again. */
export const createdInviteSchema = z.object({
  invite: inviteSchema,
  /** Path of the join page, `/join/<token>`; the client prefixes its own origin. */
  joinPath: z.string(),
});
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

export const createInviteRequestSchema = z.object({
  role: roleSchema,
  scope: scopeSchema,
  label: personText('The label', 120, { optional: true }).default(''),
  expiresAt: instantSchema.refine((at) => Date.parse(at) > Date.now(), {
    error: 'The expiry must be in the future.',
  }),
  maxUses: z
    .number({ error: 'The use limit must be a whole number.' })
    .int('The use limit must be a whole number.')
    .min(1, 'An invite must allow at least one use.')
    .max(10_000, 'An invite can be used at most 10,000 times.'),
});
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;

/** Invite tokens: 32 random bytes, base64url (256 bits). */
export const inviteTokenSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    'This invite link is incomplete; copy the whole link and try again.',
  );

/** What the join page shows before someone joins. */
export const invitePreviewSchema = z.object({
  eventName: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  scopeName: z.string(),
  eventLanguages: z.array(languageSchema),
  expiresAt: z.string(),
  /**
   * For a personal link: the profile already on file, to prefill the join form. Sent as stored,
   * not re-checked against today's input rules: the join form checks it when the person sends it.
   */
  profile: z
    .object({
      displayName: z.string(),
      parliament: z.string(),
      country: z.string(),
      preferredLanguage: languageSchema,
      email: z.string().nullable(),
    })
    .partial()
    .nullable(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const joinRequestSchema = profileSchema;
export type JoinRequest = z.input<typeof joinRequestSchema>;

export const joinResponseSchema = meSchema;

/**
 * Whom to write to about an invite link, even one that no longer works (expired, withdrawn, used
 * up): the event's contact address, or null when the organisers gave none or the link is unknown.
 */
export const inviteContactSchema = z.object({ contactEmail: z.string().nullable() });
export type InviteContact = z.infer<typeof inviteContactSchema>;
