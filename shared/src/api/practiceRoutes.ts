import { z } from 'zod';
import {
  guideCitationsSchema,
  librarySettingsSchema,
  mergePracticeRequestSchema,
  practiceCardListSchema,
  practiceCardsQuerySchema,
  practiceInputSchema,
  practiceListQuerySchema,
  practiceListSchema,
  practicePublicationRequestSchema,
  practiceReviewRequestSchema,
  practiceSchema,
  practiceVersionContentSchema,
  practiceVersionListSchema,
  publicLibrarySchema,
  publicPracticePageSchema,
  sessionPracticesSchema,
  setCurrentPracticeRequestSchema,
  setSessionPracticesRequestSchema,
  updateLibrarySettingsRequestSchema,
  updatePracticeRequestSchema,
} from '../conference/index.ts';
import { languageCodes } from '../conference/common.ts';
import type { ApiRoute } from './routes.ts';

/**
 * A library export's format: the compiled DOCX or PDF of the exports issue. `locale`: the
 * language of its labels (the practices keep their own); the reader's preferred one if absent.
 */
export const libraryExportQuerySchema = z
  .object({
    format: z.enum(['docx', 'pdf']),
    pageSize: z.enum(['a4', 'letter']).default('a4'),
    locale: z.enum(languageCodes).optional(),
  })
  .strict();

/**
 * The good-practice library (issue 17; spread into `apiRoutes`). Readers are everyone signed in
 * to the event (approved practices, and their own parliament's in any status); delegates write
 * their parliament's; the organisers curate and publish. The public pages need no sign-in and
 * show only what the organisers published.
 */
export const practiceRoutes = {
  listPractices: {
    method: 'get',
    path: '/practices',
    summary:
      'The library: practices this person may read, filtered by audience, topic, region, country, parliament, language or status, and searched (`q`) like guides.',
    access: 'signedIn',
    query: practiceListQuerySchema,
    status: 200,
    response: practiceListSchema,
  },
  submitPractice: {
    method: 'post',
    path: '/practices',
    summary:
      "Submit a practice for one's own parliament (organisers: for any parliament); it waits for the organisers as `submitted`.",
    access: 'signedIn',
    request: practiceInputSchema,
    status: 201,
    response: practiceSchema,
  },
  getPractice: {
    method: 'get',
    path: '/practices/:practiceId',
    summary:
      'A practice with the guides citing it (those the reader may open), the sessions presenting it, and what the reader may do.',
    access: 'signedIn',
    status: 200,
    response: practiceSchema,
  },
  updatePractice: {
    method: 'put',
    path: '/practices/:practiceId',
    summary:
      "Save changes to a practice (its parliament's delegates, the organisers), from the revision the writer saw: 409 `practice_stale` if someone saved first. A practice sent back for changes goes back to `submitted`.",
    access: 'signedIn',
    request: updatePracticeRequestSchema,
    status: 200,
    response: practiceSchema,
  },
  reviewPractice: {
    method: 'post',
    path: '/practices/:practiceId/review',
    summary: 'Approve a practice, or send it back with a note saying what to change (organisers).',
    access: 'organiser',
    request: practiceReviewRequestSchema,
    status: 200,
    response: practiceSchema,
  },
  mergePractice: {
    method: 'post',
    path: '/practices/:practiceId/merge',
    summary:
      'Fold a duplicate into another practice of the event (organisers): citations of it show the other from then on.',
    access: 'organiser',
    request: mergePracticeRequestSchema,
    status: 200,
    response: practiceSchema,
  },
  setPracticePublication: {
    method: 'put',
    path: '/practices/:practiceId/publication',
    summary:
      'Show an approved practice on the public pages once the library is published, or take it off (organisers).',
    access: 'organiser',
    request: practicePublicationRequestSchema,
    status: 200,
    response: practiceSchema,
  },
  practiceVersions: {
    method: 'get',
    path: '/practices/:practiceId/versions',
    summary: 'Every saved revision of a practice, newest first (whoever may read it).',
    access: 'signedIn',
    status: 200,
    response: practiceVersionListSchema,
  },
  practiceVersion: {
    method: 'get',
    path: '/practices/:practiceId/versions/:revision',
    summary: 'A practice as it was at one revision.',
    access: 'signedIn',
    status: 200,
    response: practiceVersionContentSchema,
  },
  practiceCards: {
    method: 'get',
    path: '/practice-cards',
    summary:
      "What citation cards show for up to 50 practice ids (`ids=a,b`): title and parliament, a merged practice's successor, `available: false` for one the reader cannot see.",
    access: 'signedIn',
    query: practiceCardsQuerySchema,
    status: 200,
    response: practiceCardListSchema,
  },
  guideCitations: {
    method: 'get',
    path: '/guides/:guideId/citations',
    summary: 'The practices a guide cites, in the order they first appear (whoever may read it).',
    access: 'signedIn',
    status: 200,
    response: guideCitationsSchema,
  },
  exportPracticesCsv: {
    method: 'get',
    path: '/practices.csv',
    summary:
      'Every practice of the event as a CSV file (UTF-8 with BOM, formulas neutralised), with status, publication and how many guides cite it (organisers).',
    access: 'organiser',
    status: 200,
    response: null,
    download: true,
  },
  exportLibrary: {
    method: 'get',
    path: '/library/export',
    summary:
      'The approved practices compiled into one DOCX or PDF (title page, contents, a chapter per practice) for anyone signed in to the event.',
    access: 'signedIn',
    query: libraryExportQuerySchema,
    status: 200,
    response: null,
    download: true,
  },
  librarySettings: {
    method: 'get',
    path: '/library/settings',
    summary: 'Whether the library is published, since when, and its public address (organisers).',
    access: 'organiser',
    status: 200,
    response: librarySettingsSchema,
  },
  updateLibrarySettings: {
    method: 'put',
    path: '/library/settings',
    summary:
      'Publish the library (its public index and the pages of the practices marked public) or take it down (organisers).',
    access: 'organiser',
    request: updateLibrarySettingsRequestSchema,
    status: 200,
    response: librarySettingsSchema,
  },
  publicLibrary: {
    method: 'get',
    path: '/public/library/:eventId',
    summary:
      "A published library's index: the practices the organisers made public (404 while unpublished).",
    access: 'public',
    status: 200,
    response: publicLibrarySchema,
  },
  publicPractice: {
    method: 'get',
    path: '/public/library/:eventId/practices/:practiceId',
    summary:
      'One public practice of a published library, without its contact person (404 for anything not published).',
    access: 'public',
    status: 200,
    response: publicPracticePageSchema,
  },
  sessionPractices: {
    method: 'get',
    path: '/sessions/:sessionId/practices',
    summary:
      'The practices a session presents, in running order, with their presenters and the one being presented now (anyone of the event).',
    access: 'signedIn',
    status: 200,
    response: sessionPracticesSchema,
  },
  setSessionPractices: {
    method: 'put',
    path: '/sessions/:sessionId/practices',
    summary:
      "Set a good-practice exchange's running order: approved practices of the event and who presents each (those who run the session).",
    access: 'facilitator',
    request: setSessionPracticesRequestSchema,
    status: 200,
    response: sessionPracticesSchema,
  },
  setCurrentPractice: {
    method: 'put',
    path: '/sessions/:sessionId/practices/current',
    summary:
      'Say which practice of the running order is being presented now, or none; every open page of the session follows within a second.',
    access: 'facilitator',
    request: setCurrentPracticeRequestSchema,
    status: 200,
    response: sessionPracticesSchema,
  },
} as const satisfies Record<string, ApiRoute>;
