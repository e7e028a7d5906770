import {
  dotVoteSchema,
  guideDotVotesSchema,
  openDotVoteRequestSchema,
  placeDotsRequestSchema,
} from './dotVotes.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Dot votes inside a guide (spread into `apiRoutes`): whoever may read the guide sees them; the
 * group's facilitators and the organisers open and close them; the group's members (not
 * observers) place dots. Open guide pages hear every change on the guide's websocket.
 */
export const dotVoteRoutes = {
  guideDotVotes: {
    method: 'get',
    path: '/guides/:guideId/dot-votes',
    summary:
      "A guide's dot votes, newest first, as the caller may see them (totals of an open vote only for those who run it). Open pages get the same on every change over the guide's websocket.",
    access: 'signedIn',
    status: 200,
    response: guideDotVotesSchema,
  },
  openDotVote: {
    method: 'post',
    path: '/guides/:guideId/dot-votes',
    summary:
      "Open a dot vote on the guide's sections (headings) or items (list items and table rows, optionally of one section), read from the guide now. One open vote per guide.",
    access: 'facilitator',
    request: openDotVoteRequestSchema,
    status: 201,
    response: dotVoteSchema,
  },
  placeDots: {
    method: 'put',
    path: '/guides/:guideId/dot-votes/:voteId/dots',
    summary:
      "Set one's whole allocation in an open vote: dots per item summing to at most the vote's dots. Sending it again moves the dots (one allocation per person, whichever browser sends it).",
    access: 'signedIn',
    request: placeDotsRequestSchema,
    status: 200,
    response: dotVoteSchema,
  },
  closeDotVote: {
    method: 'post',
    path: '/guides/:guideId/dot-votes/:voteId/close',
    summary:
      "Close a dot vote: no more dots, the result shown to everyone, and a version of the guide taken (kind `dotVote`) so the result is kept with the guide's history.",
    access: 'facilitator',
    status: 200,
    response: dotVoteSchema,
  },
} as const satisfies Record<string, ApiRoute>;
