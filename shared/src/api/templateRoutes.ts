import { templateInputSchema, templateListSchema, templateSchema } from '../conference/template.ts';
import type { ApiRoute } from './routes.ts';

/**
 * The guide templates' routes, part of the one route table (`apiRoutes` spreads them in). All
 * organiser-only: a template reaches every co-creation session of the event.
 */
export const templateRoutes = {
  listTemplates: {
    method: 'get',
    path: '/templates',
    summary: "The guide templates a session can start from: the built-in one and the event's own.",
    access: 'organiser',
    status: 200,
    response: templateListSchema,
  },
  getBuiltInTemplate: {
    method: 'get',
    path: '/templates/built-in/:language',
    summary: 'The built-in practical guide in one language (en, fr, es or ar), to read or adapt.',
    access: 'organiser',
    status: 200,
    response: templateSchema,
  },
  createTemplate: {
    method: 'post',
    path: '/templates',
    summary: 'Add a guide template (its content is checked against the guide editor’s schema).',
    access: 'organiser',
    request: templateInputSchema,
    status: 201,
    response: templateSchema,
  },
  getTemplate: {
    method: 'get',
    path: '/templates/:templateId',
    summary: 'One of the event’s guide templates, with its content.',
    access: 'organiser',
    status: 200,
    response: templateSchema,
  },
  updateTemplate: {
    method: 'put',
    path: '/templates/:templateId',
    summary: 'Edit a guide template; guides already started from it keep their text.',
    access: 'organiser',
    request: templateInputSchema,
    status: 200,
    response: templateSchema,
  },
  deleteTemplate: {
    method: 'delete',
    path: '/templates/:templateId',
    summary: 'Remove a guide template that no session uses.',
    access: 'organiser',
    status: 204,
    response: null,
  },
} as const satisfies Record<string, ApiRoute>;
