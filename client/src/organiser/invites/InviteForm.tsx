import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  roles,
  scopeTypes,
  type ConferenceEvent,
  type ConferenceSession,
  type CreatedInvite,
  type CreateInviteRequest,
  type Role,
} from '@draftroom/shared';
import {
  defaultMaxUses,
  maxInviteUses,
  newInviteValues,
  toCreateInviteRequest,
  type InviteField,
  type InviteFormValues,
} from '../inviteForm.ts';
import { FormActions } from '../../ui/form/FormActions.tsx';
import { RadioGroup } from '../../ui/fields/RadioGroup.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';
import { useCheckedForm } from '../../ui/form/useCheckedForm.ts';
import type { SessionGroups } from '../useAllGroups.ts';
import { callApi } from '../../api/callApi.ts';
import { InviteExpiry } from './InviteExpiry.tsx';
import { InviteScopeChoice } from './InviteScopeChoice.tsx';

const fields: readonly InviteField[] = ['role', 'scope', 'label', 'expiresAt', 'maxUses'];

interface InviteFormProps {
  event: ConferenceEvent;
  sessions: readonly ConferenceSession[];
  allGroups: readonly SessionGroups[];
  onCreated: (created: CreatedInvite) => void;
}

export function InviteForm({ event, sessions, allGroups, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const { values, problems, apiError, busy, formRef, serverMessages, update, submit } =
    useCheckedForm({
      initial: () => newInviteValues(event, Date.now()),
      fields,
      check: (checked: InviteFormValues) => toCreateInviteRequest(checked, event, Date.now()),
      send: (body: CreateInviteRequest) => callApi('createInvite', { body }),
      onSaved: onCreated,
    });
  // Until the organiser types a use limit, it follows the role (1 for a personal link).
  const [maxUsesTouched, setMaxUsesTouched] = useState(false);
  const change = update;

  const changeRole = (role: Role) =>
    change(maxUsesTouched ? { role } : { role, maxUses: String(defaultMaxUses(role)) }, 'role');

  return (
    <form ref={formRef} className="org-form" onSubmit={(e) => void submit(e)} noValidate>
      <RadioGroup
        legend={t('organiser.inviteForm.role')}
        name="role"
        value={values.role}
        onChange={changeRole}
        options={roles.map((role) => ({
          value: role,
          label: t(`organiser.roles.${role}`),
          description: t(`organiser.roleDescriptions.${role}`),
        }))}
      />
      {values.role === 'organiser' ? (
        <p className="field__hint">{t('organiser.inviteForm.organiserScope')}</p>
      ) : (
        <InviteScopeChoice
          scopeTypes={scopeTypes}
          values={values}
          sessions={sessions}
          allGroups={allGroups}
          onChange={(patch) => change(patch, 'scope')}
          problem={problems.scope}
          serverMessage={serverMessages.scope}
        />
      )}
      <TextField
        label={t('organiser.inviteForm.label')}
        hint={t('organiser.inviteForm.labelHint')}
        value={values.label}
        onChange={(label) => change({ label }, 'label')}
        problem={problems.label}
        serverMessage={serverMessages.label}
        maxLength={120}
      />
      <div className="org-form-row">
        <InviteExpiry
          event={event}
          value={values.expiresAt}
          onChange={(expiresAt) => change({ expiresAt }, 'expiresAt')}
          problem={problems.expiresAt}
          serverMessage={serverMessages.expiresAt}
        />
        <TextField
          type="number"
          label={t('organiser.inviteForm.maxUses')}
          hint={t('organiser.inviteForm.maxUsesHint')}
          value={values.maxUses}
          min={1}
          max={maxInviteUses}
          onChange={(maxUses) => {
            setMaxUsesTouched(true);
            change({ maxUses }, 'maxUses');
          }}
          problem={problems.maxUses}
          serverMessage={serverMessages.maxUses}
          required
        />
      </div>
      <FormActions
        error={apiError}
        busy={busy}
        submitLabel={t('organiser.inviteForm.create')}
        busyLabel={t('organiser.common.working')}
      />
    </form>
  );
}
