import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@draftroom/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { callApi } from '../../api/callApi.ts';

interface DeleteGroupButtonProps {
  group: BreakoutGroup;
  headingId: string;
  onDeleted: (message: string) => void;
}

/** Only offered for an empty group (the server refuses otherwise); asks first. */
export function DeleteGroupButton({ group, headingId, onDeleted }: DeleteGroupButtonProps) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('organiser.groups.delete')}
      describedBy={headingId}
      title={t('organiser.groups.deleteTitle')}
      confirmLabel={t('organiser.groups.deleteConfirm')}
      onConfirm={() => callApi('deleteGroup', { params: { groupId: group.id } })}
      onDone={() => onDeleted(t('organiser.groups.deleted', { name: group.name }))}
    >
      <p>
        {t('organiser.groups.deleteText')}{' '}
        <strong>
          <bdi>{group.name}</bdi>
        </strong>
      </p>
      <p>{t('organiser.groups.deleteGuideWarning')}</p>
    </ConfirmButton>
  );
}
