import type { TFunction } from 'i18next';
import type { TemplateSummary } from '@draftroom/shared';

/** A template's name as shown: the built-in one in the interface's language, others as typed. */
export function templateName(template: TemplateSummary, t: TFunction): string {
  return template.builtIn ? t('organiser.templates.builtInName') : template.name;
}
