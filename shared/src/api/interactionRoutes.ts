import {
  askQuestionRequestSchema,
  ballotRequestSchema,
  createPollRequestSchema,
  moderateQuestionRequestSchema,
  pollActionRequestSchema,
  pollSchema,
  questionSchema,
  questionSettingsRequestSchema,
  sessionInteractionSchema,
} from './interaction.ts';
import type { ApiRoute } from './routes.ts';

/**
 * Questions and polls of a session (spread into `apiRoutes`): everyone of the event reads them;
 * everyone but observers asks, votes up and votes; the session's facilitators and the organisers
 * moderate and run the polls (the policy says). Open pages hear every change on the session's
 * event stream (`event: interaction`).
 */
export const interactionRoutes = {
  sessionInteraction: {
    method: 'get',
    path: '/sessions/:sessionId/interaction',
    summary:
      "A session's questions and polls as the caller may see them. Open pages get the same on every change from GET /api/sessions/:sessionId/events (`event: interaction`).",
    access: 'signedIn',
    status: 200,
    response: sessionInteractionSchema,
  },
  askQuestion: {
    method: 'post',
    path: '/sessions/:sessionId/questions',
    summary:
      'Ask a question, optionally anonymous to the audience (never to the organisers). In a moderated session it waits for approval.',
    access: 'signedIn',
    request: askQuestionRequestSchema,
    status: 201,
    response: questionSchema,
  },
  moderateQuestion: {
    method: 'patch',
    path: '/sessions/:sessionId/questions/:questionId',
    summary:
      'Approve, hide or mark answered a question, or pin it as being answered now (one at a time).',
    access: 'facilitator',
    request: moderateQuestionRequestSchema,
    status: 200,
    response: questionSchema,
  },
  voteForQuestion: {
    method: 'post',
    path: '/sessions/:sessionId/questions/:questionId/vote',
    summary: 'Vote a question up, once per person: a second vote is 409 `already_voted`.',
    access: 'signedIn',
    status: 204,
    response: null,
  },
  withdrawQuestionVote: {
    method: 'delete',
    path: '/sessions/:sessionId/questions/:questionId/vote',
    summary: "Take back one's vote for a question.",
    access: 'signedIn',
    status: 204,
    response: null,
  },
  questionSettings: {
    method: 'put',
    path: '/sessions/:sessionId/question-settings',
    summary: 'Hold new questions for approval (`moderated: true`) or show them at once.',
    access: 'facilitator',
    request: questionSettingsRequestSchema,
    status: 200,
    response: sessionInteractionSchema,
  },
  createPoll: {
    method: 'post',
    path: '/sessions/:sessionId/polls',
    summary: 'Prepare a poll (a draft, seen by the moderators until opened).',
    access: 'facilitator',
    request: createPollRequestSchema,
    status: 201,
    response: pollSchema,
  },
  pollAction: {
    method: 'post',
    path: '/sessions/:sessionId/polls/:pollId/actions',
    summary:
      "Open a poll for votes, close it, or reveal (hide) its results to the audience. Results stay hidden until revealed, so early votes don't steer the room.",
    access: 'facilitator',
    request: pollActionRequestSchema,
    status: 200,
    response: pollSchema,
  },
  deletePoll: {
    method: 'delete',
    path: '/sessions/:sessionId/polls/:pollId',
    summary: 'Remove a poll and its ballots.',
    access: 'facilitator',
    status: 204,
    response: null,
  },
  castBallot: {
    method: 'post',
    path: '/sessions/:sessionId/polls/:pollId/ballots',
    summary:
      'Vote in an open poll: one final ballot per person (a second is 409 `already_voted`, whichever browser sends it).',
    access: 'signedIn',
    request: ballotRequestSchema,
    status: 204,
    response: null,
  },
  exportInteraction: {
    method: 'get',
    path: '/sessions/:sessionId/interaction.csv',
    summary:
      "The session's questions and polls as a CSV file (UTF-8 with BOM, formulas neutralised) for those who run it: every question with its status and votes, every poll with its results. Anonymous askers are named to the organisers only.",
    access: 'facilitator',
    status: 200,
    response: null,
    download: true,
  },
} as const satisfies Record<string, ApiRoute>;
