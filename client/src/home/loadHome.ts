import type { ConferenceSession, Guide } from '@draftroom/shared';
import { callApi } from '../api/callApi.ts';
import { loadGuides } from '../api/loaders.ts';

export interface HomeData {
  guides: Guide[];
  /** Sessions by id, to say which session each guide belongs to; empty if the programme failed. */
  sessions: ReadonlyMap<string, ConferenceSession>;
}

/** The guide list is what matters; the programme only adds each guide's session and time. */
export async function loadHome(signal: AbortSignal): Promise<HomeData> {
  const [guides, programme] = await Promise.all([
    loadGuides(signal),
    callApi('programme', { signal }).catch(() => null),
  ]);
  const sessions = new Map((programme?.sessions ?? []).map((session) => [session.id, session]));
  return { guides, sessions };
}
