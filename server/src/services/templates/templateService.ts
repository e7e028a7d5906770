import {
  builtInTemplateId,
  languageSchema,
  templateInputSchema,
  type GuideTemplate,
  type TemplateInput,
  type TemplateList,
} from '@draftroom/shared';
import { conflict, forbidden, notFound } from '../../lib/domainError.ts';
import { randomId } from '../../lib/ids.ts';
import type { ConferenceStore, TemplateRecord } from '../../persistence/index.ts';
import { canManageTemplates, type Viewer } from '../access/policy.ts';
import { builtInTemplate, builtInTemplateName } from './builtInTemplate.ts';
import { checkedTemplateContent } from './templateContent.ts';

const toTemplate = (record: TemplateRecord): GuideTemplate => ({
  id: record.id,
  name: record.name,
  language: record.language,
  builtIn: false,
  updatedAt: record.updatedAt,
  content: record.content,
});

/** The event's guide templates: organisers list, write and remove them. */
export function createTemplateService(persistence: ConferenceStore) {
  const { repositories } = persistence;

  function requireTemplates(viewer: Viewer): void {
    if (!canManageTemplates(viewer)) throw forbidden('Only organisers can manage guide templates.');
  }

  /** A template of the viewer's event; another event's (or the built-in id) is "not found". */
  async function templateInEvent(viewer: Viewer, templateId: string): Promise<TemplateRecord> {
    requireTemplates(viewer);
    const found = await repositories.templates.get(templateId);
    if (!found || found.eventId !== viewer.person.eventId) throw notFound('This template');
    return found;
  }

  function checkedInput(request: TemplateInput) {
    const input = templateInputSchema.parse(request);
    return { ...input, content: checkedTemplateContent(input.content) };
  }

  return {
    async list(viewer: Viewer): Promise<TemplateList> {
      requireTemplates(viewer);
      const own = await repositories.templates.listByEvent(viewer.person.eventId);
      return {
        templates: [
          {
            id: builtInTemplateId,
            name: builtInTemplateName('en'),
            language: null,
            builtIn: true,
            updatedAt: null,
          },
          ...own.map((template) => ({
            id: template.id,
            name: template.name,
            language: template.language,
            builtIn: false,
            updatedAt: template.updatedAt,
          })),
        ],
      };
    },

    /** The built-in template in one language: organisers read it, or copy it to adapt it. */
    builtIn(viewer: Viewer, language: string): GuideTemplate {
      requireTemplates(viewer);
      const parsed = languageSchema.safeParse(language);
      if (!parsed.success) throw notFound('This language of the built-in template');
      return {
        id: builtInTemplateId,
        name: builtInTemplateName(parsed.data),
        language: parsed.data,
        builtIn: true,
        updatedAt: null,
        content: builtInTemplate(parsed.data),
      };
    },

    async get(viewer: Viewer, templateId: string): Promise<GuideTemplate> {
      return toTemplate(await templateInEvent(viewer, templateId));
    },

    async create(viewer: Viewer, request: TemplateInput): Promise<GuideTemplate> {
      requireTemplates(viewer);
      const input = checkedInput(request);
      const now = new Date().toISOString();
      const record: TemplateRecord = {
        id: randomId(),
        eventId: viewer.person.eventId,
        ...input,
        createdAt: now,
        updatedAt: now,
      };
      await repositories.templates.create(record);
      return toTemplate(record);
    },

    async update(
      viewer: Viewer,
      templateId: string,
      request: TemplateInput,
    ): Promise<GuideTemplate> {
      const existing = await templateInEvent(viewer, templateId);
      const updated: TemplateRecord = {
        ...existing,
        ...checkedInput(request),
        updatedAt: new Date().toISOString(),
      };
      await repositories.templates.update(updated);
      return toTemplate(updated);
    },

    async delete(viewer: Viewer, templateId: string): Promise<void> {
      await templateInEvent(viewer, templateId);
      const users = await repositories.sessions.titlesUsingTemplate(templateId);
      if (users.length > 0) {
        throw conflict(
          `Sessions start their guides from this template (${users.join('; ')}): choose another template for them first.`,
        );
      }
      await repositories.templates.delete(templateId);
    },
  };
}

export type TemplateService = ReturnType<typeof createTemplateService>;
