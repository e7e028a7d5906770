import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageCodes, type ConferenceSession, type TemplateSummary } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { InlineList } from '../../ui/InlineList.tsx';
import { formatInstant } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { templateName } from './templateName.ts';

interface TemplateItemProps {
  template: TemplateSummary;
  /** The sessions whose groups start from it (a template in use cannot be deleted). */
  usedBy: readonly ConferenceSession[];
  timeZone: string;
  onDeleted: (name: string) => void;
}

/** One template: its name and language, which sessions use it, and what can be done with it. */
export function TemplateItem({ template, usedBy, timeZone, onDeleted }: TemplateItemProps) {
  const { t, i18n } = useTranslation();
  const nameId = useId();
  const name = templateName(template, t);
  return (
    <li className="org-session-item" data-testid="template-item">
      <h2 id={nameId} className="org-session-item__title">
        <bdi>{name}</bdi>
      </h2>
      <p className="org-session-item__meta">
        {template.builtIn ? (
          <span className="org-tag">{t('organiser.templates.builtIn')}</span>
        ) : (
          <span className="org-tag">
            {workingLanguageName(template.language ?? 'en', i18n.language, { standalone: true })}
          </span>
        )}
        {template.updatedAt && (
          <span>
            {t('organiser.templates.updatedAt', {
              when: formatInstant(template.updatedAt, i18n.language, timeZone),
            })}
          </span>
        )}
      </p>
      {template.builtIn && <p className="muted">{t('organiser.templates.builtInText')}</p>}
      <p>
        {usedBy.length === 0 ? (
          t('organiser.templates.unused')
        ) : (
          <>
            {t('organiser.templates.usedBy', { count: usedBy.length })}{' '}
            <InlineList
              items={usedBy.map((session) => ({ key: session.id, text: session.title }))}
            />
          </>
        )}
      </p>
      {template.builtIn && (
        <p className="org-session-item__actions">
          <span>{t('organiser.templates.copyBuiltIn')}</span>
          {languageCodes.map((code) => (
            <Link
              key={code}
              to={`new?from=${code}`}
              className="button button--small"
              aria-label={t('organiser.templates.copyBuiltInIn', {
                language: workingLanguageName(code, i18n.language),
              })}
            >
              {workingLanguageName(code, i18n.language, { standalone: true })}
            </Link>
          ))}
        </p>
      )}
      {!template.builtIn && (
        <div className="org-session-item__actions">
          <Link to={template.id} className="button button--small" aria-describedby={nameId}>
            {t('organiser.templates.edit')}
          </Link>
          {/* The server refuses (409) while a session uses it; the dialog then says which. */}
          <DeleteButton
            name={name}
            describedBy={nameId}
            label={t('organiser.templates.delete')}
            title={t('organiser.templates.deleteTitle')}
            confirmLabel={t('organiser.templates.deleteConfirm')}
            text={t('organiser.templates.deleteText')}
            warning={usedBy.length > 0 ? t('organiser.templates.deleteInUse') : undefined}
            onConfirm={() => callApi('deleteTemplate', { params: { templateId: template.id } })}
            onDone={() => onDeleted(name)}
          />
        </div>
      )}
    </li>
  );
}
