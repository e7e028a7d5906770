import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ResourceState } from '../ui/ResourceState.tsx';
import { DiffView } from '../editor/readOnly/DiffView.tsx';
import { loadContent, type ContentSource } from './loaders.ts';
import { ReadOnlyContent } from '../editor/readOnly/ReadOnlyContent.tsx';
import { versionName } from './versionName.ts';

/** What the viewer shows: one version, or the changes between two (`to` may be the guide now). */
export type Opened =
  | { kind: 'version'; version: GuideVersion }
  | { kind: 'compare'; from: GuideVersion; to: GuideVersion | 'now' };

interface VersionViewerProps {
  guideId: string;
  opened: Opened;
  /** Every version of the guide (to name a version taken before a restore). */
  versions: readonly GuideVersion[];
  canRestore: boolean;
  /** The live guide's content (ProseMirror JSON), read from the open document. */
  liveContent: () => unknown;
  onClose: () => void;
  onRestored: (version: GuideVersion) => void;
}

/** Shown above the editor: a version read-only (with "Restore"), or a comparison. */
export function VersionViewer(props: VersionViewerProps) {
  const { guideId, opened, versions, canRestore, liveContent, onClose, onRestored } = props;
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const zone = viewerTimeZone();
  const when = (version: GuideVersion) => formatDateTime(version.takenAt, i18n.language, zone);

  const first: GuideVersion = opened.kind === 'version' ? opened.version : opened.from;
  const second = opened.kind === 'compare' ? opened.to : null;
  // A new request each time something is opened (each "Show changes" reads the guide anew).
  const load = useCallback(
    async (signal: AbortSignal) => {
      const sourceOf = (target: GuideVersion | 'now'): ContentSource =>
        target === 'now' ? { now: liveContent } : { versionId: target.id };
      const from = opened.kind === 'version' ? opened.version : opened.from;
      const a = await loadContent(sourceOf(from), guideId, signal);
      const b =
        opened.kind === 'compare' ? await loadContent(sourceOf(opened.to), guideId, signal) : null;
      return { a: a.content, b: b?.content };
    },
    [guideId, opened, liveContent],
  );
  const { state, reload } = useResource(load);

  // Opening a version moves there (on a phone it is below the panel): the heading says what it is.
  useEffect(() => {
    headingRef.current?.focus();
  }, [opened]);

  const firstName = versionName(first, t, versions);
  const secondName =
    second === null
      ? ''
      : second === 'now'
        ? t('history.compare.now')
        : versionName(second, t, versions);

  return (
    <section className="history-view" aria-labelledby="history-view-heading">
      <div className="history-view__header">
        <h2 id="history-view-heading" ref={headingRef} tabIndex={-1}>
          {opened.kind === 'version' ? (
            <>
              {t('history.view.title')} <bdi dir="auto">{firstName}</bdi>
            </>
          ) : (
            <>
              {t('history.diff.titleFrom')} <bdi dir="auto">{firstName}</bdi>{' '}
              {t('history.diff.titleTo')} <bdi dir="auto">{secondName}</bdi>
            </>
          )}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('history.view.close')}
        </button>
      </div>
      <p className="muted">
        {opened.kind === 'version'
          ? t('history.view.takenAt', { when: when(first) })
          : second === 'now' || second === null
            ? t('history.diff.betweenNow', { from: when(first) })
            : t('history.diff.between', { from: when(first), to: when(second) })}
      </p>
      {opened.kind === 'version' && canRestore && (
        <div className="form-actions history-view__actions">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('history.restore.button')}
          </button>
        </div>
      )}
      {state.status === 'ready' ? (
        opened.kind === 'version' ? (
          <ReadOnlyContent
            content={state.data.a}
            label={t('history.view.contentLabel', { name: firstName })}
            className="history-view__content"
            testId="version-content"
          />
        ) : (
          <DiffView before={state.data.a} after={state.data.b} />
        )
      ) : (
        <ResourceState resource={state} onRetry={reload} />
      )}
      {opened.kind === 'version' && (
        <ConfirmDialog
          open={confirming}
          title={t('history.restore.title')}
          confirmLabel={t('history.restore.confirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await callApi('restoreVersion', { params: { guideId, versionId: first.id } });
          }}
          // Once the dialog has closed: the viewer goes, and focus goes back to the history.
          onDone={() => onRestored(first)}
        >
          <p>{t('history.restore.explain', { name: firstName })}</p>
          <p>{t('history.restore.undo')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
