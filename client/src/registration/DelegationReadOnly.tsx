import { useTranslation } from 'react-i18next';
import type { DelegationForm } from '@draftroom/shared';
import { workingLanguageName } from '../organiser/languages.ts';

/** The delegation as registered, once the link takes no more changes. */
export function DelegationReadOnly({ form }: { form: DelegationForm }) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  return (
    <section className="card" aria-labelledby="registered-delegates">
      <h2 id="registered-delegates" className="card__title">
        {t('registration.editor.delegatesHeading', { count: form.delegates.length })}
      </h2>
      <p>
        {t('registration.readOnly.focalPoint')} <bdi>{form.focalPoint.name}</bdi> (
        <span dir="ltr">{form.focalPoint.email}</span>)
      </p>
      {form.delegates.length === 0 ? (
        <p className="muted">{t('registration.editor.noDelegates')}</p>
      ) : (
        <ol className="delegate-summary">
          {form.delegates.map((delegate) => (
            <li key={delegate.id} className="delegate-summary__item">
              <p className="delegate-summary__name">
                <bdi>{delegate.name}</bdi>
                {delegate.function !== '' && (
                  <>
                    {' — '}
                    <bdi>{delegate.function}</bdi>
                  </>
                )}
              </p>
              <p dir="ltr" className="delegate-summary__email">
                {delegate.email}
              </p>
              <p>
                {t('registration.readOnly.languages', {
                  languages: list.format(
                    delegate.workingLanguages.map((code) =>
                      workingLanguageName(code, i18n.language),
                    ),
                  ),
                })}
              </p>
              {delegate.audiences.length > 0 && (
                <p>
                  {t('registration.readOnly.audiences', {
                    audiences: list.format(delegate.audiences.map((tag) => t(`audience.${tag}`))),
                  })}
                </p>
              )}
              <p className={`delegate__status delegate__status--${delegate.status}`}>
                {t(`registration.delegate.status.${delegate.status}`)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
