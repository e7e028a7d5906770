import { useTranslation } from 'react-i18next';
import { audienceTags, type AudienceTag } from '@draftroom/shared';
import { CheckboxGroup } from '../ui/fields/CheckboxGroup.tsx';

/** Which audiences the person follows: their programme marks the sessions for these. */
export function AudiencesField({
  chosen,
  onChange,
}: {
  chosen: readonly AudienceTag[];
  onChange: (audiences: AudienceTag[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('personalProgramme.profile.legend')}
      hint={t('personalProgramme.profile.hint')}
      options={audienceTags.map((tag) => ({ value: tag, label: t(`audience.${tag}`) }))}
      checked={chosen}
      // Kept in the shared list's order, whatever order they were ticked in.
      onToggle={(tag, on) =>
        onChange(audienceTags.filter((each) => (each === tag ? on : chosen.includes(each))))
      }
    />
  );
}
