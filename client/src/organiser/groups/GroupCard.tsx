import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BreakoutGroup, LanguageCode } from '@draftroom/shared';
import { formatNumber } from '../formatting.ts';
import { workingLanguageName } from '../languages.ts';
import { seatsTaken } from '../membership.ts';
import { callApi } from '../../api/callApi.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { GroupForm } from './GroupForm.tsx';
import { MemberTable } from './MemberTable.tsx';

interface GroupCardProps {
  group: BreakoutGroup;
  /**
   * Where a member can be moved to: the session's groups this person manages (a move changes
   * both groups, so the server asks for rights on both).
   */
  moveTargets: readonly BreakoutGroup[];
  canManage: boolean;
  canDelete: boolean;
  sessionLanguages: readonly LanguageCode[];
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}

/** One breakout group: its language and size, its members, and (for its managers) its tools. */
export function GroupCard({
  group,
  moveTargets,
  canManage,
  canDelete,
  sessionLanguages,
  onChanged,
  onDeleted,
}: GroupCardProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setEditing(false);
    // The form held focus and is gone: back to the button that opened it.
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };
  const taken = seatsTaken(group);
  const full = taken >= group.capacity;
  return (
    <section className="org-group-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="org-group-card__title">
        <bdi>{group.name}</bdi>
      </h3>
      <p className="org-group-card__meta">
        <span>
          {t('organiser.groups.workingLanguage')}{' '}
          {workingLanguageName(group.workingLanguage, i18n.language)}
        </span>
        <span className={full ? 'org-tag org-tag--warning' : 'org-tag org-tag--quiet'}>
          {t('organiser.groups.places', {
            taken: formatNumber(taken, i18n.language),
            count: group.capacity,
          })}
        </span>
      </p>
      {editing ? (
        <GroupForm
          group={group}
          languages={sessionLanguages}
          onSaved={(saved) => {
            stopEditing();
            onChanged(t('organiser.groups.saved', { name: saved.name }));
          }}
          onCancel={stopEditing}
        />
      ) : (
        <div className="org-group-card__actions">
          <Link
            to={`/g/${encodeURIComponent(group.guideId)}`}
            className="button button--small"
            aria-describedby={headingId}
          >
            {t('organiser.groups.openGuide')}
          </Link>
          {canManage && (
            <button
              ref={editButtonRef}
              type="button"
              className="button button--small"
              aria-describedby={headingId}
              onClick={() => setEditing(true)}
            >
              {t('organiser.groups.edit')}
            </button>
          )}
          {canDelete && group.members.length === 0 && (
            // Only offered for an empty group: the server refuses otherwise.
            <DeleteButton
              name={group.name}
              describedBy={headingId}
              label={t('organiser.groups.delete')}
              title={t('organiser.groups.deleteTitle')}
              confirmLabel={t('organiser.groups.deleteConfirm')}
              text={t('organiser.groups.deleteText')}
              warning={t('organiser.groups.deleteGuideWarning')}
              onConfirm={() => callApi('deleteGroup', { params: { groupId: group.id } })}
              onDone={() => onDeleted(t('organiser.groups.deleted', { name: group.name }))}
            />
          )}
        </div>
      )}
      <MemberTable
        group={group}
        moveTargets={moveTargets}
        canManage={canManage}
        onChanged={onChanged}
      />
    </section>
  );
}
