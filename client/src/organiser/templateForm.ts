import type { JSONContent } from '@tiptap/core';
import {
  maxTemplateContentChars,
  type GuideTemplate,
  type LanguageCode,
  type TemplateContent,
  type TemplateInput,
} from '@draftroom/shared';
import type { Mapped, Problems } from '../ui/form/problems.ts';
import { checkText } from './formProblems.ts';

export interface TemplateFormValues {
  name: string;
  language: LanguageCode;
  /** The editor's document (ProseMirror JSON). */
  content: JSONContent;
}

export type TemplateField = keyof TemplateFormValues;

/** A new template: written in the interface's language (if it is one of the four), one empty line. */
export function newTemplateValues(language: LanguageCode): TemplateFormValues {
  return { name: '', language, content: { type: 'doc', content: [{ type: 'paragraph' }] } };
}

/** A new template copied from another (the built-in one): its language and content, no name. */
export function copiedTemplateValues(template: GuideTemplate): TemplateFormValues {
  return { ...templateFormValues(template), name: '' };
}

export function templateFormValues(template: GuideTemplate): TemplateFormValues {
  return {
    name: template.name,
    language: template.language,
    content: template.content as JSONContent,
  };
}

/** The template form → the body of POST /templates or PUT /templates/:id. */
export function toTemplateInput(values: TemplateFormValues): Mapped<TemplateInput, TemplateField> {
  const problems: Problems<TemplateField> = {};
  const name = checkText(values.name, 120);
  if (name) problems.name = name;
  if (JSON.stringify(values.content).length > maxTemplateContentChars) {
    problems.content = { key: 'templateTooLong' };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: {
      name: values.name.trim(),
      language: values.language,
      content: values.content as TemplateContent,
    },
  };
}
