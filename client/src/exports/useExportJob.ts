import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob, SessionExportRequest } from '@draftroom/shared';
import { callApi, downloadApi } from '../api/callApi.ts';
import { isAbortError } from '../api/client.ts';

/** How often a compiled export's progress is asked for while it is being built. */
const pollEveryMs = 500;

export interface ExportJobState {
  job: ExportJob | null;
  /** The name of the file saved, once it was. */
  savedAs: string | null;
  error: unknown;
  start(sessionId: string, request: SessionExportRequest): Promise<void>;
  cancel(): Promise<void>;
  /** Saves the finished file again. */
  saveAgain(): Promise<void>;
}

/**
 * A compiled export from start to file: starts it, follows its progress, saves the file the
 * moment it is ready, and cancels it on request, or when the page is left while it is building
 * (nobody would be there to take the file).
 */
export function useExportJob(): ExportJobState {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const following = useRef<AbortController | null>(null);
  const current = useRef<ExportJob | null>(null);

  const follow = useCallback(async (started: ExportJob, signal: AbortSignal) => {
    let latest = started;
    while (latest.state === 'queued' || latest.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      if (signal.aborted) return;
      latest = await callApi('exportJob', { params: { exportId: started.id }, signal });
      current.current = latest;
      setJob(latest);
    }
    if (latest.state === 'done') {
      setSavedAs(await downloadApi('exportFile', { params: { exportId: latest.id }, signal }));
    }
  }, []);

  const start = useCallback(
    async (sessionId: string, request: SessionExportRequest) => {
      following.current?.abort();
      const controller = new AbortController();
      following.current = controller;
      setError(null);
      setSavedAs(null);
      try {
        const started = await callApi('startSessionExport', {
          params: { sessionId },
          body: request,
          signal: controller.signal,
        });
        current.current = started;
        setJob(started);
        await follow(started, controller.signal);
      } catch (caught) {
        if (isAbortError(caught)) return;
        setError(caught);
        // Lost track of it (the server restarted, the network went): stop showing it as
        // building, so the person can start it again.
        const lost = current.current;
        if (lost && (lost.state === 'queued' || lost.state === 'running')) {
          current.current = { ...lost, state: 'failed' };
          setJob(current.current);
        }
      }
    },
    [follow],
  );

  const cancel = useCallback(async () => {
    const running = current.current;
    following.current?.abort();
    if (!running) return;
    try {
      await callApi('cancelExport', { params: { exportId: running.id } });
      const cancelled = { ...running, state: 'cancelled' as const };
      current.current = cancelled;
      setJob(cancelled);
    } catch (caught) {
      setError(caught);
    }
  }, []);

  const saveAgain = useCallback(async () => {
    const done = current.current;
    if (done?.state !== 'done') return;
    try {
      setSavedAs(await downloadApi('exportFile', { params: { exportId: done.id } }));
    } catch (caught) {
      setError(caught);
    }
  }, []);

  // Leaving the page cancels a build nobody will collect.
  useEffect(
    () => () => {
      following.current?.abort();
      const running = current.current;
      if (running && (running.state === 'queued' || running.state === 'running')) {
        void callApi('cancelExport', { params: { exportId: running.id } }).catch(() => undefined);
      }
    },
    [],
  );

  return { job, savedAs, error, start, cancel, saveAgain };
}
