import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@draftroom/shared';
import { ApiRequestError } from '../api/client.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useMe } from '../me/MeContext.tsx';
import { isolate } from '../format/text.ts';
import { callApi } from '../api/callApi.ts';

export type SelfSelectState =
  | { status: 'idle' }
  | { status: 'joined'; groupName: string }
  | { status: 'full' }
  | { status: 'error'; error: unknown };

/**
 * "Join this group". A full group is expected (others choose at the same moment), so it gets its
 * own message and the page is refreshed to show the groups as they are now.
 */
export function useSelfSelect(onChanged: () => void) {
  const { refresh: refreshMe } = useMe();
  const [state, setState] = useState<SelfSelectState>({ status: 'idle' });
  const [joiningId, setJoiningId] = useState<string | null>(null);

  const join = async (group: BreakoutGroup) => {
    if (joiningId) return;
    setJoiningId(group.id);
    setState({ status: 'idle' });
    try {
      const joined = await callApi('selfSelect', { params: { groupId: group.id } });
      setState({ status: 'joined', groupName: joined.name });
      // The person's groups and guides changed: the header, home and this page must follow.
      refreshMe();
      onChanged();
    } catch (error) {
      const conflict = error instanceof ApiRequestError && error.code === 'conflict';
      setState(conflict ? { status: 'full' } : { status: 'error', error });
      if (conflict) onChanged();
    } finally {
      setJoiningId(null);
    }
  };

  return { state, joiningId, join };
}

/**
 * The outcome, where focus goes once the pressed button has gone (it disappears once you are in
 * a group), so keyboard and screen reader users are not dropped at the top of the page.
 */
export function SelfSelectStatus({ state }: { state: SelfSelectState }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') ref.current?.focus();
  }, [state]);
  if (state.status === 'idle') return null;
  return (
    <div ref={ref} tabIndex={-1} className="self-select-status" data-testid="self-select-status">
      {state.status === 'joined' && (
        <p className="notice notice--success" role="status">
          {t('session.joined', { group: isolate(state.groupName) })}
        </p>
      )}
      {state.status === 'full' && (
        <p className="notice notice--error" role="alert">
          {t('session.joinConflict')}
        </p>
      )}
      {state.status === 'error' && <ErrorNotice error={state.error} />}
    </div>
  );
}
