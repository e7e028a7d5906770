import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Practice } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';

/**
 * The organisers' moves on a practice: approve, send back with a note, merge into another,
 * show on the public pages. Each sends the revision on screen, so a move made on an outdated
 * page is refused (409) rather than undoing someone's save.
 */
export function PracticeCuration({
  practice,
  onChanged,
}: {
  practice: Practice;
  onChanged: (practice: Practice) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { status, busy, error, run } = useAnnouncedAction(noop);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [into, setInto] = useState('');
  // The switch moves as it is pressed; it goes back if the server refuses.
  const [publicShown, setPublicShown] = useState<boolean | null>(null);
  const params = { practiceId: practice.id };
  const revision = practice.revision;

  // The page shows the practice the server answered with (its new revision and status).
  const act = (move: () => Promise<Practice>, said: string) =>
    void run(async () => {
      onChanged(await move());
      return said;
    });

  const open = practice.status !== 'merged';
  return (
    <section className="card practice-curation" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('library.curate.heading')}</h2>
      {open && practice.status !== 'approved' && (
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy}
          onClick={() =>
            act(
              () => callApi('reviewPractice', { params, body: { revision, to: 'approved' } }),
              t('library.curate.approved'),
            )
          }
        >
          {t('library.curate.approve')}
        </button>
      )}
      {open && (
        <form
          className="practice-curation__request"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim() === '') {
              setNoteMissing(true);
              document.getElementById(`${ids}-note`)?.focus();
              return;
            }
            act(
              () =>
                callApi('reviewPractice', {
                  params,
                  body: { revision, to: 'changes-requested', note: note.trim() },
                }),
              t('library.curate.requested'),
            );
            setNote('');
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-note`}>{t('library.curate.note')}</label>
            <textarea
              id={`${ids}-note`}
              dir="auto"
              rows={3}
              maxLength={2000}
              value={note}
              aria-invalid={noteMissing}
              aria-describedby={noteMissing ? `${ids}-note-error` : undefined}
              onChange={(event) => {
                setNote(event.target.value);
                setNoteMissing(false);
              }}
            />
            {noteMissing && (
              <p className="field__error" id={`${ids}-note-error`}>
                {t('library.curate.noteRequired')}
              </p>
            )}
          </div>
          <button type="submit" className="button" aria-disabled={busy}>
            {t('library.curate.requestChanges')}
          </button>
        </form>
      )}
      {open && (
        <MergeForm
          practice={practice}
          into={into}
          setInto={setInto}
          busy={busy}
          onMerge={() =>
            act(
              () => callApi('mergePractice', { params, body: { revision, into } }),
              t('library.curate.merged'),
            )
          }
        />
      )}
      {practice.status === 'approved' && (
        <label className="org-choice practice-curation__public">
          <input
            type="checkbox"
            role="switch"
            checked={publicShown ?? practice.public}
            aria-disabled={busy}
            onChange={(event) => {
              const on = event.target.checked;
              setPublicShown(on);
              act(
                () =>
                  callApi('setPracticePublication', { params, body: { public: on } }).finally(() =>
                    setPublicShown(null),
                  ),
                on ? t('library.curate.madePublic') : t('library.curate.madePrivate'),
              );
            }}
          />
          <span>{t('library.curate.public')}</span>
        </label>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}

function noop() {}

/**
 * "Merge into…": another practice of the event that is not merged itself, by its title; for an
 * approved practice, approved ones only (the server's rule: its citations follow it).
 */
function MergeForm({
  practice,
  into,
  setInto,
  busy,
  onMerge,
}: {
  practice: Practice;
  into: string;
  setInto: (id: string) => void;
  busy: boolean;
  onMerge: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const load = useCallback(
    (signal: AbortSignal) => callApi('listPractices', { query: {}, signal }),
    [],
  );
  const { state } = useResource(load);
  const others =
    state.status === 'ready'
      ? state.data.practices.filter(
          (other) =>
            other.id !== practice.id &&
            other.status !== 'merged' &&
            (practice.status !== 'approved' || other.status === 'approved'),
        )
      : [];
  return (
    <form
      className="practice-curation__merge"
      onSubmit={(event) => {
        event.preventDefault();
        if (into) onMerge();
      }}
    >
      <div className="field">
        <label htmlFor={`${ids}-into`}>{t('library.curate.mergeInto')}</label>
        <p className="field__hint" id={`${ids}-hint`}>
          {t('library.curate.mergeHint')}
        </p>
        <select
          id={`${ids}-into`}
          value={into}
          aria-describedby={`${ids}-hint`}
          onChange={(event) => setInto(event.target.value)}
        >
          <option value="">{t('library.curate.choosePractice')}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id} dir="auto">
              {other.title} — {other.parliament}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" aria-disabled={busy || into === ''}>
        {t('library.curate.merge')}
      </button>
    </form>
  );
}
