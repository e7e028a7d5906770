import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceLink } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { RequireSignIn } from '../me/RequireSignIn.tsx';
import { callApi } from '../api/callApi.ts';

/**
 * `/devices/add`: a personal invite link works once, so a second device (a phone next to the
 * laptop) signs in with a link or code shown here instead. Both work once, for 10 minutes.
 */
export function AddDevicePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('devices.addTitle'));
  return <RequireSignIn>{() => <AddDevice />}</RequireSignIn>;
}

function AddDevice() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<
    | { status: 'idle' | 'busy' }
    | { status: 'ready'; link: DeviceLink }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });
  const fieldId = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  const make = async () => {
    if (state.status === 'busy') return;
    setState({ status: 'busy' });
    try {
      setState({ status: 'ready', link: await callApi('addDevice') });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  // The new link and code appear below the button: take keyboard and screen reader users there.
  useEffect(() => {
    if (state.status === 'ready') resultRef.current?.focus();
  }, [state]);

  const until = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' }).format(
      new Date(iso),
    );

  return (
    <div className="page device-page">
      <h1>{t('devices.addTitle')}</h1>
      <p>{t('devices.addIntro')}</p>
      <p>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={state.status === 'busy'}
          onClick={() => void make()}
        >
          {state.status === 'ready' ? t('devices.makeAnother') : t('devices.make')}
        </button>
      </p>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && (
        <div ref={resultRef} tabIndex={-1} className="device-link" data-testid="device-link">
          <p role="status" className="notice notice--success">
            {t('devices.validFor', { time: until(state.link.expiresAt) })}
          </p>
          <label htmlFor={fieldId} className="device-link__label">
            {t('devices.linkLabel')}
          </label>
          <input
            id={fieldId}
            className="device-link__url"
            type="text"
            readOnly
            dir="ltr"
            value={`${window.location.origin}${state.link.linkPath}`}
            onFocus={(event) => event.target.select()}
          />
          <p className="device-link__label">{t('devices.codeLabel')}</p>
          <p className="device-link__code" dir="ltr" data-testid="device-code">
            {state.link.code}
          </p>
          <p className="muted">
            {t('devices.codeHelp', { address: `${window.location.origin}/device` })}
          </p>
        </div>
      )}
    </div>
  );
}
