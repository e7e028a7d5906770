import { builtInTemplateId, type LanguageCode, type TemplateContent } from '@draftroom/shared';
import { DomainError } from '../../lib/domainError.ts';
import type { Repositories } from '../../persistence/index.ts';
import { builtInTemplate } from './builtInTemplate.ts';

/**
 * Which content a group's guide starts from, given its session's template and the group's
 * working language:
 * - the built-in template: its version in that language (all four exist; English otherwise);
 * - an organiser's template: itself if it is in that language, else the event's template of the
 *   same name in that language, else the built-in one in that language (a group never starts in
 *   a language it does not work in when a version in its own exists);
 * - a template that was removed meanwhile: the built-in one, as if it had been chosen.
 */
export async function templateFor(
  repositories: Repositories,
  eventId: string,
  templateId: string,
  language: LanguageCode,
): Promise<TemplateContent> {
  if (templateId !== builtInTemplateId) {
    const chosen = await repositories.templates.get(templateId);
    if (chosen && chosen.eventId === eventId) {
      if (chosen.language === language) return chosen.content;
      const version = await repositories.templates.findVersion(eventId, chosen.name, language);
      if (version) return version.content;
    }
  }
  return builtInTemplate(language);
}

/**
 * Refuses a session's template that is neither the built-in one nor one of this event's (so no
 * session names another event's template, or one that does not exist).
 */
export async function checkTemplateChoice(
  repositories: Repositories,
  eventId: string,
  templateId: string | null,
): Promise<void> {
  if (templateId === null || templateId === builtInTemplateId) return;
  const found = await repositories.templates.get(templateId);
  if (!found || found.eventId !== eventId) {
    throw new DomainError('validation_failed', 'The chosen template does not exist any more.', [
      { path: 'templateId', message: 'Choose another template, or a blank guide.' },
    ]);
  }
}
