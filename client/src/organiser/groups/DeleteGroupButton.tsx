import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@draftroom/shared';
import { deleteGroup } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

interface DeleteGroupButtonProps {
  group: BreakoutGroup;
  headingId: string;
  onDeleted: (message: string) => void;
}

/** Only offered for an empty group (the server refuses otherwise); asks first. */
export function DeleteGroupButton({ group, headingId, onDeleted }: DeleteGroupButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small org-button--danger-quiet"
        aria-describedby={headingId}
        onClick={() => setOpen(true)}
      >
        {t('organiser.groups.delete')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('organiser.groups.deleteTitle')}
        confirmLabel={t('organiser.groups.deleteConfirm')}
        onClose={() => setOpen(false)}
        onConfirm={() => deleteGroup(group.id)}
        onDone={() => onDeleted(t('organiser.groups.deleted', { name: group.name }))}
      >
        <p>
          {t('organiser.groups.deleteText')}{' '}
          <strong>
            <bdi>{group.name}</bdi>
          </strong>
        </p>
        <p>{t('organiser.groups.deleteGuideWarning')}</p>
      </ConfirmDialog>
    </>
  );
}
