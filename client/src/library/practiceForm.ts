import type { JSONContent } from '@tiptap/core';
import {
  cleanText,
  emailSchema,
  isCountryCode,
  maxPracticeLinks,
  practiceLinkSchema,
  type AudienceTag,
  type LanguageCode,
  type Practice,
  type PracticeInput,
  type PracticeTopic,
  type TemplateContent,
} from '@draftroom/shared';
import { checkText } from '../organiser/formProblems.ts';
import type { Mapped, Problems } from '../ui/form/problems.ts';

/** The form's values: the record as typed (strings, the sections' editor JSON). */
export interface PracticeFormValues {
  title: string;
  parliament: string;
  country: string;
  audiences: AudienceTag[];
  topics: PracticeTopic[];
  summary: string;
  whatWasDone: JSONContent;
  results: JSONContent;
  lessons: JSONContent;
  contactName: string;
  contactEmail: string;
  links: { label: string; url: string }[];
  languages: LanguageCode[];
}

/**
 * A field of the form, named as the request names it, so the server's `validation_failed`
 * details (`links.2.url`, `contact.email`) land on the field by their first segment.
 */
export type PracticeField =
  | 'title'
  | 'parliament'
  | 'country'
  | 'audiences'
  | 'topics'
  | 'summary'
  | 'whatWasDone'
  | 'results'
  | 'lessons'
  | 'contact'
  | 'links'
  | 'languages';
export const practiceFormFields: readonly PracticeField[] = [
  'title',
  'parliament',
  'country',
  'audiences',
  'topics',
  'summary',
  'whatWasDone',
  'results',
  'lessons',
  'contact',
  'links',
  'languages',
];

const emptyDoc: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A new practice: the person's own parliament and the interface's language to start with. */
export function newPracticeValues(
  own: { parliament: string | null; country: string | null },
  language: LanguageCode,
): PracticeFormValues {
  return {
    title: '',
    parliament: own.parliament ?? '',
    country: own.country ?? '',
    audiences: [],
    topics: [],
    summary: '',
    whatWasDone: emptyDoc,
    results: emptyDoc,
    lessons: emptyDoc,
    contactName: '',
    contactEmail: '',
    links: [],
    languages: [language],
  };
}

export function practiceFormValues(practice: Practice): PracticeFormValues {
  return {
    title: practice.title,
    parliament: practice.parliament,
    country: practice.country,
    audiences: [...practice.audiences],
    topics: [...practice.topics],
    summary: practice.summary,
    whatWasDone: practice.whatWasDone as JSONContent,
    results: practice.results as JSONContent,
    lessons: practice.lessons as JSONContent,
    contactName: practice.contact?.name ?? '',
    contactEmail: practice.contact?.email ?? '',
    links: practice.links.map((link) => ({ ...link })),
    languages: [...practice.languages],
  };
}

/**
 * The values as the request, with the shared rules worded in the browser first. `withOwner`:
 * organisers name the parliament and country; a delegate's are their own (the server fills
 * them in and refuses another's), so they are not sent.
 */
export function toPracticeInput(
  values: PracticeFormValues,
  withOwner: boolean,
): Mapped<PracticeInput, PracticeField> {
  const problems: Problems<PracticeField> = {};
  const title = checkText(values.title, 200);
  if (title) problems.title = title;
  if (withOwner) {
    const parliament = checkText(values.parliament, 120);
    if (parliament) problems.parliament = parliament;
    if (!isCountryCode(values.country)) problems.country = { key: 'required' };
  }
  const summary = checkText(values.summary, 1000, { multiline: true });
  if (summary) problems.summary = summary;

  const contactName = cleanText(values.contactName);
  const contactEmail = values.contactEmail.trim();
  if (contactName !== '' || contactEmail !== '') {
    const name = checkText(contactName, 120);
    if (name) problems.contact = name;
    else if (contactEmail === '') problems.contact = { key: 'required' };
    else if (!emailSchema.safeParse(contactEmail).success)
      problems.contact = { key: 'invalidEmail' };
  }

  const links = values.links
    .map((link) => ({ label: cleanText(link.label), url: link.url.trim() }))
    .filter((link) => link.label !== '' || link.url !== '');
  if (links.length > maxPracticeLinks) {
    problems.links = {
      key: 'library.validation.tooManyLinks',
      values: { count: maxPracticeLinks },
    };
  }
  for (const link of links) {
    const label = checkText(link.label, 200);
    if (label) problems.links = label;
    else if (!practiceLinkSchema.safeParse(link).success)
      problems.links = { key: 'library.validation.invalidUrl' };
    if (problems.links) break;
  }
  if (values.languages.length === 0) problems.languages = { key: 'noLanguage' };
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  return {
    ok: true,
    request: {
      title: cleanText(values.title),
      ...(withOwner ? { parliament: cleanText(values.parliament), country: values.country } : {}),
      audiences: values.audiences,
      topics: values.topics,
      summary: cleanText(values.summary),
      // The editor's JSON of the guide's schema; the server checks it node by node.
      whatWasDone: values.whatWasDone as TemplateContent,
      results: values.results as TemplateContent,
      lessons: values.lessons as TemplateContent,
      contact: contactName === '' ? null : { name: contactName, email: contactEmail },
      links,
      languages: values.languages,
    },
  };
}
