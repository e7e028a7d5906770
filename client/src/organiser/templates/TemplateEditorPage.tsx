import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { languageCodes, type GuideTemplate, type LanguageCode } from '@draftroom/shared';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { callApi } from '../../api/callApi.ts';
import { useResource } from '../../api/useResource.ts';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { TemplateForm } from './TemplateForm.tsx';
import type { TemplatesPageState } from './TemplatesPage.tsx';

/** `/organise/templates/new` and `/organise/templates/:templateId`. */
export function TemplateEditorPage() {
  const { t, i18n } = useTranslation();
  const { templateId } = useParams();
  // `?from=fr`: a new template that starts as a copy of the built-in one in that language.
  const [search] = useSearchParams();
  const from = search.get('from');
  const copyLanguage =
    !templateId && (languageCodes as readonly string[]).includes(from ?? '')
      ? (from as LanguageCode)
      : null;
  const navigate = useNavigate();
  const title = templateId
    ? t('organiser.templateForm.editTitle')
    : t('organiser.templateForm.newTitle');
  useDocumentTitle(title);
  const load = useCallback(
    (signal: AbortSignal): Promise<GuideTemplate | null> =>
      templateId
        ? callApi('getTemplate', { params: { templateId }, signal })
        : copyLanguage
          ? callApi('getBuiltInTemplate', { params: { language: copyLanguage }, signal })
          : Promise.resolve(null),
    [templateId, copyLanguage],
  );
  const { state, reload } = useResource(load);
  const interfaceLanguage = (languageCodes as readonly string[]).includes(i18n.language)
    ? (i18n.language as LanguageCode)
    : 'en';
  const back = (saved?: TemplatesPageState['saved']) => {
    const pageState: TemplatesPageState = saved ? { saved } : {};
    void navigate('/organise/templates', { state: pageState });
  };

  return (
    <div className="organiser-page page">
      <p className="org-breadcrumb">
        <Link to="/organise/templates">{t('organiser.templateForm.backToTemplates')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('organiser.templateForm.intro')}</p>
      {state.status !== 'ready' ? (
        <ResourceState resource={state} onRetry={reload} />
      ) : (
        <TemplateForm
          key={`${templateId ?? 'new'}-${copyLanguage ?? ''}`}
          template={templateId ? (state.data ?? undefined) : undefined}
          copyOf={copyLanguage ? (state.data ?? undefined) : undefined}
          language={interfaceLanguage}
          onSaved={(saved) => back({ name: saved.name, created: !templateId })}
          onCancel={() => back()}
        />
      )}
    </div>
  );
}
