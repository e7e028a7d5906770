import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Member } from '@draftroom/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { callApi } from '../../api/callApi.ts';

interface RemoveMemberButtonProps {
  group: BreakoutGroup;
  member: Member;
  onRemoved: (message: string) => void;
}

/**
 * Taking someone out of a group cuts their access at once, open editor included, so it asks
 * first and says so.
 */
export function RemoveMemberButton({ group, member, onRemoved }: RemoveMemberButtonProps) {
  const { t } = useTranslation();
  const names = { name: member.displayName, group: group.name };
  return (
    <ConfirmButton
      label={
        <>
          {t('organiser.groups.remove')}
          <span className="visually-hidden">
            {' '}
            {t('organiser.groups.removeWho', { name: member.displayName })}
          </span>
        </>
      }
      title={t('organiser.groups.removeTitle', names)}
      confirmLabel={t('organiser.groups.removeConfirm')}
      onConfirm={() =>
        callApi('removeMember', { params: { groupId: group.id, personId: member.id } })
      }
      onDone={() => onRemoved(t('organiser.groups.removed', names))}
    >
      <p>{t('organiser.groups.removeText')}</p>
    </ConfirmButton>
  );
}
