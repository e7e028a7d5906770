import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Member } from '@draftroom/shared';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { callApi } from '../../api/callApi.ts';

interface MoveMemberProps {
  member: Member;
  targets: readonly BreakoutGroup[];
  onMoved: (message: string) => void;
}

/**
 * "Move to …" for one member: a select and a button (never on select change alone, which would
 * move someone as a keyboard user arrows through the options). Assigning to another group of the
 * same session moves the person; the server takes them out of this one.
 */
export function MoveMember({ member, targets, onMoved }: MoveMemberProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const move = async () => {
    const group = targets.find((candidate) => candidate.id === target);
    if (!group || busy) return;
    setBusy(true);
    setError(null);
    try {
      await callApi('assignMembers', {
        params: { groupId: group.id },
        body: { personIds: [member.id] },
      });
      onMoved(t('organiser.groups.moved', { name: member.displayName, group: group.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-move-member">
      <label htmlFor={selectId} className="visually-hidden">
        {t('organiser.groups.moveLabel', { name: member.displayName })}
      </label>
      <select id={selectId} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">{t('organiser.groups.movePlaceholder')}</option>
        {targets.map((group) => (
          <option key={group.id} value={group.id} dir="auto">
            {group.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        aria-disabled={busy || target === ''}
        onClick={() => void move()}
      >
        {t('organiser.groups.move')}
        <span className="visually-hidden"> {member.displayName}</span>
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
