import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { TemplateSummary } from '@draftroom/shared';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useOrganiser } from '../OrganiserContext.ts';
import { ResourceState } from '../../ui/ResourceState.tsx';
import { StatusMessage } from '../../ui/StatusMessage.tsx';
import { useStatus } from '../../ui/useStatus.ts';
import { useResource } from '../../api/useResource.ts';
import { loadTemplates } from '../../api/loaders.ts';
import { TemplateItem } from './TemplateItem.tsx';

/** What the template editor says it saved, passed along with the navigation back here. */
export interface TemplatesPageState {
  saved?: { name: string; created: boolean };
}

/**
 * `/organise/templates`: what groups' guides start from. The built-in practical guide (in every
 * language) and the event's own templates, which organisers write in the guide's editor.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { programme } = useOrganiser();
  const { status, announce } = useStatus();
  const location = useLocation();
  const navigate = useNavigate();
  const [saved] = useState((location.state as TemplatesPageState | null)?.saved);
  useEffect(() => {
    if (location.state) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  const { state: templates, reload, refresh } = useResource(loadTemplates);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('organiser.templates.title'));

  /** The sessions that start from each template, by template id. */
  const usedBy = (template: TemplateSummary) =>
    programme.sessions.filter((session) => session.templateId === template.id);

  return (
    <div className="organiser-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('organiser.templates.title')}
      </h1>
      <p className="lead">{t('organiser.templates.intro')}</p>
      {saved && !status.message && (
        <p className="notice org-notice--success">
          {t(saved.created ? 'organiser.templates.created' : 'organiser.templates.updated', {
            name: saved.name,
          })}
        </p>
      )}
      <StatusMessage message={status.message} id={status.id} />
      <p>
        <Link to="new" className="button button--primary">
          {t('organiser.templates.new')}
        </Link>
      </p>
      {templates.status !== 'ready' ? (
        <ResourceState resource={templates} onRetry={reload} />
      ) : (
        <ul className="org-session-list" aria-label={t('organiser.templates.listLabel')}>
          {templates.data.map((template) => (
            <TemplateItem
              key={template.id}
              template={template}
              usedBy={usedBy(template)}
              timeZone={programme.event.timeZone}
              onDeleted={(name) => {
                refresh();
                announce(t('organiser.templates.deleted', { name }));
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
