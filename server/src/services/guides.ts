import type { CreateGuideRequest, Guide } from '@draftroom/shared';
import { randomId } from '../lib/ids.ts';
import type { DocumentStore, GuideRepository } from '../persistence/index.ts';
import { demoGuides } from './demoGuides.ts';
import { encodeGuideBody } from './guideBody.ts';

export interface GuideService {
  list(): Promise<Guide[]>;
  get(id: string): Promise<Guide | undefined>;
  create(request: CreateGuideRequest): Promise<Guide>;
  /** Creates the demo guides, with content, if there are no guides yet. Returns how many. */
  seedDemo(): Promise<number>;
}

export function createGuideService(
  guides: GuideRepository,
  documents: DocumentStore,
): GuideService {
  return {
    list: () => guides.list(),
    get: (id) => guides.get(id),
    create: ({ title }) =>
      guides.create({ id: randomId(), title, createdAt: new Date().toISOString() }),
    async seedDemo() {
      if ((await guides.count()) > 0) return 0;
      for (const [index, demo] of demoGuides.entries()) {
        // Distinct timestamps keep the demo list in the order written here.
        const createdAt = new Date(Date.UTC(2021, 5, 16, 9, index)).toISOString();
        await guides.create({ id: demo.id, title: demo.title, createdAt });
        await documents.appendBatch([{ documentId: demo.id, update: encodeGuideBody(demo.body) }]);
      }
      return demoGuides.length;
    },
  };
}
