import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceSession, Guide } from '@draftroom/shared';

interface GuidePickerProps {
  guides: readonly Guide[];
  /** The programme's sessions, to group the guides under their session's title. */
  sessions: readonly ConferenceSession[];
  left: string;
  right: string;
  onCompare: (left: string, right: string) => void;
}

/**
 * Two real `<select>`s and a button: the comparison loads when the button is pressed, not on
 * every arrow key in a select (each load reads a whole guide on the server).
 */
export function GuidePicker({ guides, sessions, left, right, onCompare }: GuidePickerProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [chosen, setChosen] = useState({ left, right });
  // The address changed under the form (Back, a link): show what it now asks for.
  const [shown, setShown] = useState({ left, right });
  if (shown.left !== left || shown.right !== right) {
    setShown({ left, right });
    setChosen({ left, right });
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCompare(chosen.left, chosen.right);
  };
  const select = (side: 'left' | 'right') => (
    <div className="field compare-picker__field">
      <label htmlFor={`${ids}-${side}`}>
        {side === 'left' ? t('compare.leftLabel') : t('compare.rightLabel')}
      </label>
      <select
        id={`${ids}-${side}`}
        value={chosen[side]}
        onChange={(event) => setChosen({ ...chosen, [side]: event.target.value })}
      >
        <option value="">{t('compare.choose')}</option>
        <GuideOptions guides={guides} sessions={sessions} />
      </select>
    </div>
  );
  return (
    <form className="compare-picker" onSubmit={submit} aria-label={t('compare.pickerLabel')}>
      {select('left')}
      {select('right')}
      <button
        type="submit"
        className="button button--primary compare-picker__submit"
        disabled={!chosen.left || !chosen.right}
      >
        {t('compare.submit')}
      </button>
    </form>
  );
}

/** The guides, under their session's title in programme order; a guide without one last. */
function GuideOptions({ guides, sessions }: Pick<GuidePickerProps, 'guides' | 'sessions'>) {
  const { t } = useTranslation();
  const titled = sessions.filter((session) => guides.some((g) => g.sessionId === session.id));
  const known = new Set(titled.map((session) => session.id));
  const others = guides.filter((guide) => !guide.sessionId || !known.has(guide.sessionId));
  return (
    <>
      {titled.map((session) => (
        <optgroup key={session.id} label={session.title}>
          {guides
            .filter((guide) => guide.sessionId === session.id)
            .map((guide) => (
              <option key={guide.id} value={guide.id}>
                {guide.title}
              </option>
            ))}
        </optgroup>
      ))}
      {others.length > 0 && (
        <optgroup label={t('compare.noSession')}>
          {others.map((guide) => (
            <option key={guide.id} value={guide.id}>
              {guide.title}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
