import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createGuideRequestSchema, limits } from '@draftroom/shared';
import { createGuide } from '../api/guides.ts';
import { ErrorNotice } from '../app/ErrorNotice.tsx';

type TitleProblem = 'required' | 'tooLong' | null;

function titleProblem(title: string): TitleProblem {
  const result = createGuideRequestSchema.safeParse({ title });
  if (result.success) return null;
  return result.error.issues.some((issue) => issue.code === 'too_big') ? 'tooLong' : 'required';
}

/** "New guide": checks the title with the shared schema, creates it, then opens it. */
export function NewGuideForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<TitleProblem>(null);
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = titleProblem(title);
    setProblem(found);
    setApiError(null);
    if (found) return;
    setBusy(true);
    try {
      const guide = await createGuide(title.trim());
      await navigate(`/g/${encodeURIComponent(guide.id)}`);
    } catch (error) {
      setApiError(error);
      setBusy(false);
    }
  };

  const inputId = `${ids}-title`;
  const errorId = `${ids}-error`;
  return (
    <form className="card new-guide" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="card__title">{t('home.create.heading')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('home.create.titleLabel')}</label>
        <div className="field__row">
          <input
            id={inputId}
            name="title"
            type="text"
            dir="auto"
            autoComplete="off"
            maxLength={limits.maxTitleLength}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              setProblem(null);
            }}
            aria-invalid={problem !== null}
            aria-describedby={problem ? errorId : undefined}
            required
          />
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {busy ? t('home.create.creating') : t('home.create.submit')}
          </button>
        </div>
        {problem && (
          <p className="field__error" id={errorId} role="alert">
            {problem === 'tooLong'
              ? t('home.create.titleTooLong', { max: limits.maxTitleLength })
              : t('home.create.titleRequired')}
          </p>
        )}
      </div>
      {apiError !== null && <ErrorNotice error={apiError} />}
    </form>
  );
}
