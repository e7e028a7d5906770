import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi, downloadApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { CopyLinkField } from '../ui/CopyLinkField.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useAnnouncedAction } from '../ui/useAnnouncedAction.ts';

/** "Download the library": the approved practices as one DOCX or PDF (anyone signed in). */
export function DownloadLibrary() {
  const { t } = useTranslation();
  const { status, busy, error, run } = useAnnouncedAction(noop);
  const download = (format: 'docx' | 'pdf') =>
    void run(async () => {
      await downloadApi('exportLibrary', { params: {}, query: { format } });
      return t('library.download.done');
    });
  return (
    <section className="library-tools" aria-labelledby="library-download">
      <h2 id="library-download">{t('library.download.heading')}</h2>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => download('docx')}
        >
          {t('library.download.docx')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => download('pdf')}
        >
          {t('library.download.pdf')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}

function noop() {}

/** The organisers' part: publish the library (its public address to hand out) and the CSV. */
export function LibraryPublishing() {
  const { t } = useTranslation();
  const load = useCallback((signal: AbortSignal) => callApi('librarySettings', { signal }), []);
  const { state, reload, refresh } = useResource(load);
  const { status, busy, error, run } = useAnnouncedAction(refresh);
  const [csvError, setCsvError] = useState<unknown>(null);

  const settings = state.status === 'ready' ? state.data : null;
  const publish = (published: boolean) =>
    void run(async () => {
      await callApi('updateLibrarySettings', { body: { published } });
      return published ? t('library.publish.published') : t('library.publish.unpublished');
    });
  const csv = async () => {
    setCsvError(null);
    try {
      await downloadApi('exportPracticesCsv', { params: {} });
    } catch (caught) {
      setCsvError(caught);
    }
  };

  return (
    <section className="card library-tools" aria-labelledby="library-publishing">
      <h2 id="library-publishing">{t('library.publish.heading')}</h2>
      {!settings && <ResourceState resource={state} onRetry={reload} />}
      {settings && (
        <>
          <p>
            {settings.published ? t('library.publish.isPublic') : t('library.publish.isPrivate')}
          </p>
          {settings.published && (
            <CopyLinkField
              label={t('library.publish.address')}
              url={new URL(settings.publicPath, window.location.origin).toString()}
            />
          )}
          <div className="form-actions">
            <button
              type="button"
              className={settings.published ? 'button' : 'button button--primary'}
              aria-disabled={busy}
              onClick={() => publish(!settings.published)}
            >
              {settings.published ? t('library.publish.unpublish') : t('library.publish.publish')}
            </button>
            <button type="button" className="button" onClick={() => void csv()}>
              {t('library.publish.csv')}
            </button>
          </div>
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {csvError !== null && <ErrorNotice error={csvError} />}
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
}
