import type { World } from './actors.ts';

/** The personal programme's calls in the authorization matrix (issue 16). */
export const audiencesBody = () => ({ body: { audiences: ['social-media', 'library-research'] } });

/** Plan to attend session S of the world's event (another event's organiser gets 404). */
export const planS = (w: World) => ({
  params: { sessionId: w.sessionS.id },
  body: { planned: true },
});
