import type { PracticeSummary } from '@draftroom/shared';
import { useTranslation } from 'react-i18next';
import { countryName } from '../countries/countryNames.ts';
import { SnippetText } from '../search/SnippetText.tsx';

/** Where a search found the practice's words, marked; else the start of its summary. */
function Snippet({ practice }: { practice: PracticeSummary }) {
  const snippet = practice.match?.snippet;
  if (!snippet) {
    const summary = practice.summary;
    return <>{summary.length > 160 ? `${summary.slice(0, 160)}…` : summary}</>;
  }
  return <SnippetText snippet={snippet} />;
}

/** A practice in a search's results: title, parliament and country, where the words were. */
export function PracticeOptionText({ practice }: { practice: PracticeSummary }) {
  const { i18n } = useTranslation();
  return (
    <>
      <span className="practice-option__title">
        <bdi dir="auto">{practice.title}</bdi>
      </span>
      <span className="practice-option__parliament">
        <bdi dir="auto">{practice.parliament}</bdi> · {countryName(practice.country, i18n.language)}
      </span>
      <span className="practice-option__snippet" dir="auto">
        <Snippet practice={practice} />
      </span>
    </>
  );
}
