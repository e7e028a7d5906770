import { apiPath, type Practice, type PracticeInput } from '@draftroom/shared';
import type { ApiClient } from '../../testing/index.ts';

/** A paragraph of rich text as the editor writes it (ProseMirror JSON of the guide's schema). */
export const richText = (text: string, dir?: 'ltr' | 'rtl') => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      ...(dir ? { attrs: { dir } } : {}),
      content: [{ type: 'text', text }],
    },
  ],
});

/** A whole practice input; `overrides` replace any field. */
export function practiceInput(overrides: Partial<PracticeInput> = {}): PracticeInput {
  return {
    title: 'An open-data portal for bills',
    audiences: ['digital-ict'],
    topics: ['open-data'],
    summary: 'Every bill and amendment published as open data the day it is tabled.',
    whatWasDone: richText('We published bills as XML and JSON with a public API.'),
    results: richText('Journalists and civic groups built three tracking tools within a year.'),
    lessons: richText('Start with one document type and a stable identifier scheme.'),
    contact: { name: 'Ama Mensah', email: 'ama@example.org' },
    links: [{ label: 'Portal', url: 'https://data.example.org' }],
    languages: ['en'],
    ...overrides,
  };
}

/** Submits a practice as `person` (their own parliament unless the input names one). */
export function submitPractice(
  person: ApiClient,
  overrides: Partial<PracticeInput> = {},
): Promise<Practice> {
  return person.expect<Practice>(201, 'POST', apiPath('submitPractice'), practiceInput(overrides));
}

/**
 * An approved practice of a named parliament: submitted by the organiser for it, then approved.
 * Defaults to the test profiles' parliament (`sampleProfile`: Parliament of Testland, KE), so the
 * world's delegates are its delegates.
 */
export async function approvedPractice(
  organiser: ApiClient,
  overrides: Partial<PracticeInput> = {},
): Promise<Practice> {
  const submitted = await submitPractice(organiser, {
    parliament: 'Parliament of Testland',
    country: 'KE',
    ...overrides,
  });
  return organiser.expect<Practice>(
    200,
    'POST',
    apiPath('reviewPractice', { practiceId: submitted.id }),
    { revision: submitted.revision, to: 'approved' },
  );
}
