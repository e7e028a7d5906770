import type { Request, Response } from 'express';
import { sessionCookieName } from '@draftroom/shared';

export type CookieSecurity = 'auto' | 'true' | 'false';

/**
 * httpOnly (scripts cannot read it), SameSite=Lax (other sites cannot make requests with it,
 * while links from an email still open the app signed in), Secure over https.
 */
export function setSessionCookie(
  request: Request,
  response: Response,
  token: string,
  expiresAt: string,
  security: CookieSecurity,
): void {
  response.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: security === 'true' || (security === 'auto' && request.secure),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax' });
}
