import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationOverview, RegistrationSettings } from '@draftroom/shared';
import { callApi } from '../../api/callApi.ts';
import { CopyLinkField } from '../../ui/CopyLinkField.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import { registrationUrl } from '../registrationLinks.ts';
import {
  settingsFields,
  settingsValues,
  toSettingsRequest,
  type SettingsValues,
} from './settingsForm.ts';

interface SettingsCardProps {
  overview: RegistrationOverview;
  timeZone: string;
  onSaved: (settings: RegistrationSettings) => void;
}

/** Open or close registration, its deadline on the event's clock, and the public page. */
export function RegistrationSettingsCard({ overview, timeZone, onSaved }: SettingsCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const openHintId = useId();
  const publicHintId = useId();
  const { settings } = overview;
  const { values, change, field, submit, formRef, apiError, busy } = useCheckedForm({
    initial: () => settingsValues(settings, timeZone),
    fields: settingsFields,
    check: (values: SettingsValues) => toSettingsRequest(values, timeZone),
    send: (body) => callApi('registrationSettings', { body }),
    onSaved,
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('registration.settings.heading')}
      </h2>
      <p data-testid="registration-state">
        {overview.closedReason === null
          ? t('registration.settings.stateOpen')
          : t(`registration.settings.state.${overview.closedReason}`)}
      </p>
      <form ref={formRef} className="org-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field org-field--checkbox">
          <label className="org-choice">
            <input
              type="checkbox"
              checked={values.open}
              onChange={(event) => change('open', event.target.checked)}
              aria-describedby={openHintId}
            />
            <span>{t('registration.settings.open')}</span>
          </label>
          <p className="field__hint" id={openHintId}>
            {t('registration.settings.openHint')}
          </p>
        </div>
        <TextField
          type="datetime-local"
          label={t('registration.settings.deadline', { zone: timeZone })}
          hint={t('registration.settings.deadlineHint')}
          {...field('deadline')}
        />
        <div className="field org-field--checkbox">
          <label className="org-choice">
            <input
              type="checkbox"
              checked={values.publicPage}
              onChange={(event) => change('publicPage', event.target.checked)}
              aria-describedby={publicHintId}
            />
            <span>{t('registration.settings.publicPage')}</span>
          </label>
          <p className="field__hint" id={publicHintId}>
            {t('registration.settings.publicPageHint')}
          </p>
        </div>
        <FormActions
          error={apiError}
          busy={busy}
          submitLabel={t('registration.settings.save')}
          busyLabel={t('organiser.common.saving')}
        />
      </form>
      {settings.publicPath && (
        <CopyLinkField
          label={t('registration.settings.publicLink')}
          url={registrationUrl(window.location.origin, settings.publicPath)}
        />
      )}
    </section>
  );
}
