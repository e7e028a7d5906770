import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup, Member } from '@draftroom/shared';
import { removeMember } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

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
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small org-button--danger-quiet"
        onClick={() => setOpen(true)}
      >
        {t('organiser.groups.remove')}
        <span className="visually-hidden">
          {' '}
          {t('organiser.groups.removeWho', { name: member.displayName })}
        </span>
      </button>
      <ConfirmDialog
        open={open}
        title={t('organiser.groups.removeTitle', { name: member.displayName, group: group.name })}
        confirmLabel={t('organiser.groups.removeConfirm')}
        onClose={() => setOpen(false)}
        onConfirm={() => removeMember(group.id, member.id)}
        onDone={() =>
          onRemoved(t('organiser.groups.removed', { name: member.displayName, group: group.name }))
        }
      >
        <p>{t('organiser.groups.removeText')}</p>
      </ConfirmDialog>
    </>
  );
}
