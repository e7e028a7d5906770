import { useEffect, useState } from 'react';
import { dashboardUpdateSchema, type DashboardRow } from '@draftroom/shared';

export interface DashboardState {
  status: 'loading' | 'ready' | 'refused';
  rows: DashboardRow[];
  /** When the server last sent a change (ISO), for the "Updated" line. */
  updatedAt: string | null;
}

/**
 * The dashboard's rows, live: the server's event stream sends the whole set first, then only
 * the rows that changed (at most once a second), so the page never asks again on its own. The
 * browser's EventSource reconnects by itself; the next full set replaces everything.
 */
export function useDashboardRows(): DashboardState {
  const [state, setState] = useState<DashboardState>({
    status: 'loading',
    rows: [],
    updatedAt: null,
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/dashboard/events');
    let opened = false;
    source.addEventListener('open', () => {
      opened = true;
    });
    // A refusal (403, 401) is an error before the stream ever opened: stop asking.
    source.addEventListener('error', () => {
      if (!opened) {
        source.close();
        setState((before) => ({ ...before, status: 'refused' }));
      }
    });
    source.addEventListener('rows', (event) => {
      let data: unknown;
      try {
        data = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = dashboardUpdateSchema.safeParse(data);
      if (!parsed.success) return;
      const update = parsed.data;
      setState((before) => {
        if (update.full) return { status: 'ready', rows: update.rows, updatedAt: update.at };
        const byId = new Map(before.rows.map((row) => [row.guideId, row]));
        for (const id of update.removed) byId.delete(id);
        for (const row of update.rows) byId.set(row.guideId, row);
        return { status: 'ready', rows: [...byId.values()], updatedAt: update.at };
      });
    });
    return () => source.close();
  }, []);
  return state;
}
