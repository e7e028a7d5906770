import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { useResource } from '../api/useResource.ts';
import { ResourceState } from '../ui/ResourceState.tsx';
import { StatusMessage } from '../ui/StatusMessage.tsx';
import { useStatus } from '../ui/useStatus.ts';
import { CompareForm, liveGuide } from './CompareForm.tsx';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { VersionList } from './VersionList.tsx';
import { VersionViewer, type Opened } from './VersionViewer.tsx';
import { versionName } from './versionName.ts';
import '../styles/history.css';

/** While the history is open, versions others save appear without a reload, at this pace. */
const refreshEveryMs = 30_000;

/**
 * The guide's history: a panel (save, compare, the list) for the side of the guide page, and a
 * viewer (a version read-only, or a comparison) for the editor column. The page places both.
 */
export function useGuideHistory({
  guideId,
  canWrite,
  liveContent,
  versionNote,
}: {
  guideId: string;
  canWrite: boolean;
  liveContent: () => unknown;
  /** Something another feature shows with a version (a dot vote's result). */
  versionNote?: (version: GuideVersion) => ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const { status, announce } = useStatus();
  const summaryRef = useRef<HTMLElement>(null);
  const load = useCallback(
    (signal: AbortSignal) => callApi('listVersions', { params: { guideId }, signal }),
    [guideId],
  );
  const { state, reload, refresh } = useResource(load);
  useEffect(() => {
    if (!panelOpen) return;
    const timer = setInterval(refresh, refreshEveryMs);
    return () => clearInterval(timer);
  }, [refresh, panelOpen]);
  const versions = state.status === 'ready' ? state.data.versions : [];

  const close = () => {
    setOpened(null);
    summaryRef.current?.focus();
  };
  const onSaved = (version: GuideVersion) => {
    announce(t('history.saved', { name: versionName(version, t, versions) }));
    refresh();
  };
  const onRestored = (version: GuideVersion) => {
    close();
    announce(t('history.restored', { name: versionName(version, t, versions) }));
    refresh();
  };
  const compare = (fromId: string, toId: string) => {
    const from = versions.find((v) => v.id === fromId);
    const to = toId === liveGuide ? 'now' : versions.find((v) => v.id === toId);
    if (from && to) setOpened({ kind: 'compare', from, to });
  };

  const panel = (
    <section className="history-panel" aria-labelledby="history-panel-heading">
      <details
        className="history-panel__details"
        // Opening the panel shows what others saved meanwhile.
        onToggle={(event) => {
          setPanelOpen(event.currentTarget.open);
          if (event.currentTarget.open) refresh();
        }}
      >
        <summary ref={summaryRef} className="panel-heading" id="history-panel-heading">
          {t('history.title')}{' '}
          {state.status === 'ready' && (
            <span className="presence__count">
              {t('history.count', { count: versions.length })}
            </span>
          )}
        </summary>
        {canWrite && <SaveVersionForm guideId={guideId} onSaved={onSaved} />}
        {state.status === 'ready' ? (
          <>
            <CompareForm versions={versions} onCompare={compare} />
            <VersionList
              versions={versions}
              note={versionNote}
              onOpen={(version) => setOpened({ kind: 'version', version })}
            />
          </>
        ) : (
          <ResourceState resource={state} onRetry={reload} />
        )}
      </details>
      <StatusMessage message={status.message} id={status.id} />
    </section>
  );
  const viewer = opened && (
    <VersionViewer
      guideId={guideId}
      opened={opened}
      versions={versions}
      canRestore={canWrite}
      liveContent={liveContent}
      onClose={close}
      onRestored={onRestored}
    />
  );
  return { panel, viewer };
}
