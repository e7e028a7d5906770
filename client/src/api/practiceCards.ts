import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { PracticeCard } from '@draftroom/shared';
import { callApi } from './callApi.ts';

/**
 * What citation cards show (`practiceCards`), shared by every card of the page: the ids of all
 * the cards on screen are asked for in one request (up to the route's 50 a call), each answer is
 * kept, and the whole set is asked again when the page regains focus and every minute while
 * cards are shown, so a practice renamed in the library follows in the guides citing it.
 */
const known = new Map<string, PracticeCard>();
const shown = new Map<string, number>();
const listeners = new Set<() => void>();
const queued = new Set<string>();
let flushScheduled = false;
const maxPerRequest = 50;
const refreshEveryMs = 60_000;

/** Changes with every answer, so a hook over several cards knows to read them again. */
let answers = 0;

function notify(): void {
  answers += 1;
  for (const listener of listeners) listener();
}

function queue(ids: Iterable<string>): void {
  for (const id of ids) queued.add(id);
  if (flushScheduled || queued.size === 0) return;
  flushScheduled = true;
  // The cards of one render (a guide opening with several citations) land in one request.
  setTimeout(() => {
    flushScheduled = false;
    const ids = [...queued];
    queued.clear();
    for (let start = 0; start < ids.length; start += maxPerRequest) {
      void load(ids.slice(start, start + maxPerRequest));
    }
  }, 0);
}

async function load(ids: string[]): Promise<void> {
  try {
    const { cards } = await callApi('practiceCards', { query: { ids: ids.join(',') } });
    for (const card of cards) known.set(card.citedId, card);
    notify();
  } catch {
    // Kept as it was (or loading); the next focus or minute asks again.
  }
}

/** Asks again for every card shown now (after focus, every minute, or when told to). */
export function refreshPracticeCards(): void {
  queue(shown.keys());
}

let stopWatching: (() => void) | null = null;
function watch(): () => void {
  const onFocus = () => refreshPracticeCards();
  const onVisible = () => {
    if (document.visibilityState === 'visible') refreshPracticeCards();
  };
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(refreshPracticeCards, refreshEveryMs);
  return () => {
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}

function show(id: string): () => void {
  shown.set(id, (shown.get(id) ?? 0) + 1);
  if (!known.has(id)) queue([id]);
  stopWatching ??= watch();
  return () => {
    const left = (shown.get(id) ?? 1) - 1;
    if (left > 0) shown.set(id, left);
    else shown.delete(id);
    if (shown.size === 0 && stopWatching) {
      stopWatching();
      stopWatching = null;
    }
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The card of a cited practice id: undefined while it loads (or for a citation with no id yet),
 * then what the server says, kept current while the component shows it.
 */
export function usePracticeCard(id: string | null): PracticeCard | undefined {
  useEffect(() => (id ? show(id) : undefined), [id]);
  return useSyncExternalStore(subscribe, () => (id ? known.get(id) : undefined));
}

/**
 * The cards of several cited ids at once (a version diff's citations), the same way: asked for
 * together, kept current while shown. Ids still loading are absent from the map.
 */
export function usePracticeCards(ids: readonly string[]): ReadonlyMap<string, PracticeCard> {
  const key = [...new Set(ids.filter((id) => id !== ''))].sort().join(',');
  useEffect(() => {
    const stops = key === '' ? [] : key.split(',').map(show);
    return () => {
      for (const stop of stops) stop();
    };
  }, [key]);
  const version = useSyncExternalStore(subscribe, () => answers);
  return useMemo(() => {
    const cards = new Map<string, PracticeCard>();
    for (const id of key === '' ? [] : key.split(',')) {
      const card = known.get(id);
      if (card) cards.set(id, card);
    }
    return cards;
    // `version`: read the store again after each answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
}
