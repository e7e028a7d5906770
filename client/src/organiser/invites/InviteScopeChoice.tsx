import { useTranslation } from 'react-i18next';
import type { ConferenceSession, Scope } from '@draftroom/shared';
import type { Problem } from '../../ui/form/problems.ts';
import type { InviteFormValues } from '../inviteForm.ts';
import { RadioGroup } from '../../ui/fields/RadioGroup.tsx';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import type { SessionGroups } from '../useAllGroups.ts';

interface InviteScopeChoiceProps {
  scopeTypes: readonly Scope['type'][];
  values: Pick<InviteFormValues, 'scopeType' | 'sessionId' | 'groupId'>;
  sessions: readonly ConferenceSession[];
  allGroups: readonly SessionGroups[];
  onChange: (patch: Partial<InviteFormValues>) => void;
  problem?: Problem;
  serverMessage?: string;
}

/** What the link reaches: the whole event, one session or one group (then which one). */
export function InviteScopeChoice({
  scopeTypes,
  values,
  sessions,
  allGroups,
  onChange,
  problem,
  serverMessage,
}: InviteScopeChoiceProps) {
  const { t } = useTranslation();
  const groupOptions = allGroups.flatMap(({ session, groups }) =>
    groups.map((group) => ({
      value: group.id,
      label: t('organiser.inviteForm.groupOption', { group: group.name, session: session.title }),
    })),
  );
  return (
    <div className="scope-choice">
      <RadioGroup
        legend={t('organiser.inviteForm.scope')}
        name="scope"
        value={values.scopeType}
        onChange={(scopeType) => onChange({ scopeType })}
        options={scopeTypes.map((type) => ({
          value: type,
          label: t(`organiser.scopes.${type}`),
        }))}
      />
      {values.scopeType === 'session' && (
        <SelectField
          label={t('organiser.inviteForm.session')}
          placeholder={t('organiser.inviteForm.sessionPlaceholder')}
          value={values.sessionId}
          options={sessions.map((session) => ({ value: session.id, label: session.title }))}
          onChange={(sessionId) => onChange({ sessionId })}
          problem={problem}
          serverMessage={serverMessage}
        />
      )}
      {values.scopeType === 'group' &&
        (groupOptions.length === 0 ? (
          <p className="field__error">{t('organiser.inviteForm.noGroups')}</p>
        ) : (
          <SelectField
            label={t('organiser.inviteForm.group')}
            placeholder={t('organiser.inviteForm.groupPlaceholder')}
            value={values.groupId}
            options={groupOptions}
            onChange={(groupId) => onChange({ groupId })}
            problem={problem}
            serverMessage={serverMessage}
          />
        ))}
    </div>
  );
}
