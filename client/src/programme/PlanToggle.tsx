import { useTranslation } from 'react-i18next';

interface PlanToggleProps {
  planned: boolean;
  busy: boolean;
  /** The session's title, so each button says which session it is for. */
  title: string;
  onToggle: () => void;
}

/**
 * "Plan to attend" as a toggle button: its name stays the same and `aria-pressed` says whether it
 * is on (a changing name would be read as a different button). On, it shows a tick and is
 * filled, so it reads without colour. What changed is announced by the page's status line.
 */
export function PlanToggle({ planned, busy, title, onToggle }: PlanToggleProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button plan-toggle"
      aria-pressed={planned}
      // Not `disabled`: a disabled button drops the keyboard focus of whoever just pressed it.
      aria-disabled={busy || undefined}
      onClick={busy ? undefined : onToggle}
    >
      <span className="plan-toggle__box" aria-hidden="true">
        {planned ? '✓' : ''}
      </span>
      {/* The accessible name: the same while saving, and the session's title makes each of the
          page's many toggles distinct; the title is the organisers' text, isolated in <bdi>. */}
      <span className="visually-hidden">
        {t('personalProgramme.plan')}: <bdi>{title}</bdi>
      </span>
      <span aria-hidden="true">
        {busy ? t('personalProgramme.planBusy') : t('personalProgramme.plan')}
      </span>
    </button>
  );
}
