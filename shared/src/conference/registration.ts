import { z } from 'zod';
import { entityIdSchema, instantSchema, languageSchema } from './common.ts';
import { countrySchema, emailSchema } from './person.ts';
import { personText } from './personText.ts';
import { audienceTagSchema } from './session.ts';

/**
 * Registration of delegations. The organiser opens registration with a deadline and invites
 * parliaments: each gets a private link for its focal point (or focal points start their own
 * delegation from one public page, when the organiser offers it). Before the deadline (or the
 * date one parliament was reopened until) the focal point edits the delegation; the organiser
 * approves or declines each delegate, and approved delegates are sent their personal sign-in link.
 */

/** World regions, as the continents of `countries-list` (the organiser's "by region" view). */
export const regionCodes = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const;
export const regionSchema = z.enum(regionCodes);
export type RegionCode = z.infer<typeof regionSchema>;

export const delegateStatuses = ['pending', 'approved', 'declined'] as const;
export const delegateStatusSchema = z.enum(delegateStatuses);
export type DelegateStatus = z.infer<typeof delegateStatusSchema>;

/** Why a registration link does not take changes now; null while it does. */
export const registrationClosedReasons = ['not_open', 'deadline_passed'] as const;
export const registrationClosedReasonSchema = z.enum(registrationClosedReasons);
export type RegistrationClosedReason = z.infer<typeof registrationClosedReasonSchema>;

/** At most this many delegates in one delegation. */
export const maxDelegates = 50;

// ---------------------------------------------------------------------------------------------
// What a focal point sends.

export const focalPointSchema = z.object({
  name: personText('The focal point’s name', 120),
  email: emailSchema,
});
export type FocalPoint = z.infer<typeof focalPointSchema>;

/** One delegate as the focal point writes them; `id` for a delegate already on file. */
export const delegateInputSchema = z.object({
  id: entityIdSchema.optional(),
  name: personText('The name', 120),
  function: personText('The function', 160, { optional: true }).default(''),
  email: emailSchema,
  workingLanguages: z
    .array(languageSchema)
    .min(1, 'Choose at least one working language.')
    .max(4)
    .refine((list) => new Set(list).size === list.length, 'Each language once.'),
  /** Which sessions interest them: the event's audience tags. */
  audiences: z
    .array(audienceTagSchema)
    .max(6)
    .refine((list) => new Set(list).size === list.length, 'Each audience once.'),
  /** The language they are written to in (their sign-in email) and the interface opens in. */
  preferredLanguage: languageSchema,
});
export type DelegateInput = z.input<typeof delegateInputSchema>;

/**
 * The whole delegation, as the focal point saves it: delegates on file but missing from the list
 * are removed (approved ones cannot be: the organisers remove those). Emails must differ, without
 * regard to case: `duplicate_email` names the second one.
 */
export const saveDelegationRequestSchema = z
  .object({
    focalPoint: focalPointSchema,
    delegates: z
      .array(delegateInputSchema)
      .max(maxDelegates, `A delegation has at most ${maxDelegates} delegates.`),
  })
  .superRefine((delegation, context) => {
    const seen = new Set<string>();
    delegation.delegates.forEach((delegate, index) => {
      const key = delegate.email.toLowerCase();
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['delegates', index, 'email'],
          message: 'This email is already given for another delegate of this delegation.',
          params: { registrationProblem: 'duplicate_email' },
        });
      }
      seen.add(key);
    });
  });
export type SaveDelegationRequest = z.input<typeof saveDelegationRequestSchema>;

/** Starting a delegation from the public registration page. */
export const startDelegationRequestSchema = z.object({
  parliament: personText('The parliament', 160),
  country: countrySchema,
  focalPoint: focalPointSchema,
});
export type StartDelegationRequest = z.input<typeof startDelegationRequestSchema>;

// ---------------------------------------------------------------------------------------------
// What a focal point sees (no sign-in: the link is the key).

export const registrationWindowSchema = z.object({
  eventName: z.string(),
  eventLanguages: z.array(languageSchema),
  timeZone: z.string(),
  /** The date this link takes changes until (the parliament's reopening, or the event's deadline). */
  deadline: z.string().nullable(),
  /** Null while changes are taken. */
  closedReason: registrationClosedReasonSchema.nullable(),
  /** Whom to write to once registration is closed. */
  contactEmail: z.string().nullable(),
});
export type RegistrationWindow = z.infer<typeof registrationWindowSchema>;

export const focalDelegateSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  function: z.string(),
  email: z.string(),
  workingLanguages: z.array(languageSchema),
  audiences: z.array(audienceTagSchema),
  preferredLanguage: languageSchema,
  status: delegateStatusSchema,
});
export type FocalDelegate = z.infer<typeof focalDelegateSchema>;

export const delegationFormSchema = registrationWindowSchema.extend({
  parliament: z.string(),
  country: z.string(),
  focalPoint: z.object({ name: z.string(), email: z.string() }),
  delegates: z.array(focalDelegateSchema),
  /** When the focal point last saved; null before the first save. */
  submittedAt: z.string().nullable(),
});
export type DelegationForm = z.infer<typeof delegationFormSchema>;

/** The private link of a delegation, returned once (only its hash is kept). */
export const delegationLinkSchema = z.object({
  /** `/register/<token>`; the client prefixes its own origin. */
  registrationPath: z.string(),
});
export type DelegationLink = z.infer<typeof delegationLinkSchema>;

/** Delegation tokens: 32 random bytes, base64url, like invite tokens. */
export const registrationTokenSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{43}$/,
    'This registration link is incomplete; copy the whole link and try again.',
  );

// ---------------------------------------------------------------------------------------------
// What the organiser sees and does.

export const mailStatuses = ['queued', 'sent', 'retrying', 'failed'] as const;
export const mailStatusSchema = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof mailStatusSchema>;

/** The latest sign-in email of a delegate, as the outbox has it. */
export const delegateMailSchema = z.object({
  status: mailStatusSchema,
  attempts: z.number().int(),
  /** The SMTP server's last refusal, or why it could not be reached (no secrets). */
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type DelegateMail = z.infer<typeof delegateMailSchema>;

export const delegateSchema = focalDelegateSchema.extend({
  decidedAt: z.string().nullable(),
  /** The person an approved delegate became (their personal link is made for this person). */
  personId: entityIdSchema.nullable(),
  /** Null when no email was queued (mail not configured, or not approved). */
  mail: delegateMailSchema.nullable(),
  updatedAt: z.string(),
});
export type Delegate = z.infer<typeof delegateSchema>;

export const delegationSchema = z.object({
  id: entityIdSchema,
  parliament: z.string(),
  country: z.string(),
  region: regionSchema.nullable(),
  focalPoint: z.object({ name: z.string(), email: z.string() }),
  /** Invited by the organisers, or started from the public page. */
  source: z.enum(['invited', 'public']),
  /** Takes changes until this date instead of the event's deadline (one parliament reopened). */
  reopenedUntil: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  delegates: z.array(delegateSchema),
});
export type Delegation = z.infer<typeof delegationSchema>;

export const registrationSettingsSchema = z.object({
  /** The organisers opened registration (closed again, links say so). */
  open: z.boolean(),
  deadline: z.string().nullable(),
  /** The public registration page's path (`/register/open/<token>`), or null when not offered. */
  publicPath: z.string().nullable(),
});
export type RegistrationSettings = z.infer<typeof registrationSettingsSchema>;

export const registrationOverviewSchema = z.object({
  settings: registrationSettingsSchema,
  /** Null while taking changes; otherwise why links are closed (for everyone not reopened). */
  closedReason: registrationClosedReasonSchema.nullable(),
  /** Sign-in emails can be sent (SMTP configured); otherwise organisers copy each link. */
  mailConfigured: z.boolean(),
  delegations: z.array(delegationSchema),
});
export type RegistrationOverview = z.infer<typeof registrationOverviewSchema>;

export const updateRegistrationSettingsRequestSchema = z.object({
  open: z.boolean(),
  deadline: instantSchema.nullable(),
  publicPage: z.boolean(),
});
export type UpdateRegistrationSettingsRequest = z.input<
  typeof updateRegistrationSettingsRequestSchema
>;

export const inviteDelegationRequestSchema = startDelegationRequestSchema;
export type InviteDelegationRequest = z.input<typeof inviteDelegationRequestSchema>;

export const createdDelegationSchema = delegationLinkSchema.extend({
  delegation: delegationSchema,
});
export type CreatedDelegation = z.infer<typeof createdDelegationSchema>;

export const updateDelegationRequestSchema = z.object({
  parliament: personText('The parliament', 160).optional(),
  country: countrySchema.optional(),
  focalPoint: focalPointSchema.optional(),
  /** Reopen this parliament until a date (past the event's deadline), or null to stop. */
  reopenedUntil: instantSchema.nullable().optional(),
});
export type UpdateDelegationRequest = z.input<typeof updateDelegationRequestSchema>;

export const decideDelegatesRequestSchema = z.object({
  delegateIds: z
    .array(entityIdSchema)
    .min(1, 'Choose at least one delegate.')
    .max(500, 'At most 500 delegates at once.'),
  decision: z.enum(['approve', 'decline']),
});
export type DecideDelegatesRequest = z.input<typeof decideDelegatesRequestSchema>;

export const decidedDelegatesSchema = z.object({ delegates: z.array(delegateSchema) });
export type DecidedDelegates = z.infer<typeof decidedDelegatesSchema>;
