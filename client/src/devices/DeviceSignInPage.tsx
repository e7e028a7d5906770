import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { normaliseDeviceCode, deviceCodeLength } from '@draftroom/shared';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useMe } from '../me/MeContext.tsx';
import { signInWithDevice } from '../api/me.ts';

/**
 * `/device/:token` (the link from the other device) and `/device` (type its code). The link is
 * not used on opening: chat apps open links to preview them, and that must not spend its one use.
 */
export function DeviceSignInPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const navigate = useNavigate();
  const { setMe } = useMe();
  const codeId = useId();
  const codeHelpId = useId();
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('devices.signInTitle'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (token === undefined && normaliseDeviceCode(code).length !== deviceCodeLength) {
      setCodeProblem(true);
      return;
    }
    setCodeProblem(false);
    setBusy(true);
    try {
      const me = await signInWithDevice(token === undefined ? { code } : { token });
      setMe(me);
      await navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page device-page">
      <h1>{t('devices.signInTitle')}</h1>
      <p>{token === undefined ? t('devices.codeIntro') : t('devices.linkIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {token === undefined && (
          <div className="field">
            <label htmlFor={codeId}>{t('devices.codeField')}</label>
            <input
              id={codeId}
              className="device-code-input"
              type="text"
              dir="ltr"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              aria-invalid={codeProblem}
              aria-describedby={codeHelpId}
              onChange={(event) => setCode(event.target.value)}
            />
            <p id={codeHelpId} className={codeProblem ? 'field__error' : 'field__hint'}>
              {codeProblem ? t('devices.codeProblem') : t('devices.codeHint')}
            </p>
          </div>
        )}
        {error !== null && <ErrorNotice error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? t('devices.signingIn') : t('devices.signIn')}
          </button>
        </div>
      </form>
    </div>
  );
}
