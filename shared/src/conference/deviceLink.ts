import { z } from 'zod';

/**
 * Adding a device: a signed-in person asks for a short-lived, single-use link and a short code;
 * opening the link or typing the code on another device signs that device in as the same person.
 */

/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, U). */
export const deviceCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const deviceCodeLength = 8;

/** What a person types: spaces, hyphens and case do not matter. */
export function normaliseDeviceCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/** `ABCD2345` shown as `ABCD-2345`, easier to read aloud and to copy by hand. */
export function formatDeviceCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const deviceLinkSchema = z.object({
  /** Path of the page that signs the other device in, `/device/<token>`. */
  linkPath: z.string(),
  /** The same, as a code to type at `/device` (formatted `ABCD-2345`). */
  code: z.string(),
  expiresAt: z.string(),
});
export type DeviceLink = z.infer<typeof deviceLinkSchema>;

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete.');
const codeSchema = z
  .string()
  .max(40, 'A code has 8 letters and digits.')
  .transform(normaliseDeviceCode)
  .refine(
    (code) =>
      code.length === deviceCodeLength && [...code].every((c) => deviceCodeAlphabet.includes(c)),
    'A code has 8 letters and digits, such as ABCD-2345.',
  );

/** Either the link's token or the code, not both. */
export const deviceSignInRequestSchema = z.union([
  z.object({ token: tokenSchema }).strict(),
  z.object({ code: codeSchema }).strict(),
]);
export type DeviceSignInRequest = z.input<typeof deviceSignInRequestSchema>;
