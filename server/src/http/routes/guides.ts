import { Router } from 'express';
import {
  createGuideRequestSchema,
  documentIdSchema,
  type Guide,
  type GuideList,
} from '@draftroom/shared';
import type { GuideService } from '../../services/guides.ts';
import { notFound, parseBody } from '../errors.ts';

export function guidesRouter(guides: GuideService): Router {
  const router = Router();

  router.get('/', async (_request, response) => {
    const body: GuideList = { guides: await guides.list() };
    response.json(body);
  });

  router.post('/', async (request, response) => {
    const guide: Guide = await guides.create(parseBody(createGuideRequestSchema, request.body));
    response.status(201).location(`/api/guides/${guide.id}`).json(guide);
  });

  router.get('/:id', async (request, response) => {
    const id = documentIdSchema.safeParse(request.params.id);
    const guide = id.success ? await guides.get(id.data) : undefined;
    if (!guide) throw notFound('This guide');
    response.json(guide);
  });

  return router;
}
