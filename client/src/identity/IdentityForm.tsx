import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { identitySchema, maxDisplayNameLength, type Identity } from './identity.ts';
import { palette, pickColor } from './palette.ts';
import { initials } from './initials.ts';

interface IdentityFormProps {
  initial: Identity | null;
  submitLabel: string;
  onSubmit: (identity: Identity) => void;
  onCancel?: () => void;
}

/**
 * Display name + colour. Used both before a first edit and in the "Change name" dialog. Each
 * colour is a labelled radio button, so the choice never depends on seeing colour.
 */
export function IdentityForm({ initial, submitLabel, onSubmit, onCancel }: IdentityFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [color, setColor] = useState(() => initial?.color ?? pickColor(Math.random()).hex);
  const [showError, setShowError] = useState(false);
  const parsed = identitySchema.safeParse({ name, color });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.success) {
      setShowError(true);
      return;
    }
    onSubmit(parsed.data);
  };

  const nameId = `${ids}-name`;
  const errorId = `${ids}-error`;
  const invalid = showError && !parsed.success;

  return (
    <form className="identity-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={nameId}>{t('identity.nameLabel')}</label>
        <p className="field__hint" id={`${ids}-hint`}>
          {t('identity.nameHint')}
        </p>
        <input
          id={nameId}
          name="displayName"
          type="text"
          dir="auto"
          autoComplete="name"
          maxLength={maxDisplayNameLength}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${ids}-hint ${errorId}` : `${ids}-hint`}
          required
        />
        {invalid && (
          <p className="field__error" id={errorId} role="alert">
            {t('identity.nameRequired', { max: maxDisplayNameLength })}
          </p>
        )}
      </div>

      <fieldset className="color-picker">
        <legend>{t('identity.colorLegend')}</legend>
        <div className="color-picker__options">
          {palette.map((option) => (
            <label key={option.name} className="color-picker__option">
              <input
                type="radio"
                name="color"
                value={option.hex}
                checked={color === option.hex}
                onChange={() => setColor(option.hex)}
              />
              <span
                className="badge"
                style={{ backgroundColor: option.hex }}
                aria-hidden="true"
                dir="auto"
              >
                {initials(name)}
              </span>
              <span className="color-picker__name">{t(`identity.colors.${option.name}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('identity.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
