import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideVersion } from '@draftroom/shared';
import { formatDateTime, viewerTimeZone } from '../format/dates.ts';
import { SelectField } from '../ui/fields/SelectField.tsx';
import { versionName } from './versionName.ts';

/** `now`: the live guide, as this page holds it. */
export const liveGuide = 'now';

/** Pick any two versions (or a version and the guide now) and see what changed between them. */
export function CompareForm({
  versions,
  onCompare,
}: {
  versions: readonly GuideVersion[];
  onCompare: (from: string, to: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const zone = viewerTimeZone();
  // Versions come newest first: by default, the newest version against the guide now.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(liveGuide);
  const options = versions.map((version) => ({
    value: version.id,
    label: `${versionName(version, t, versions)} — ${formatDateTime(version.takenAt, i18n.language, zone)}`,
  }));
  const chosenFrom = from || versions[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosenFrom) onCompare(chosenFrom, to);
  };
  if (versions.length === 0) return null;
  return (
    <form className="history-compare" onSubmit={submit}>
      <SelectField
        label={t('history.compare.from')}
        value={chosenFrom}
        options={options}
        onChange={setFrom}
      />
      <SelectField
        label={t('history.compare.to')}
        value={to}
        options={[{ value: liveGuide, label: t('history.compare.now') }, ...options]}
        onChange={setTo}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('history.compare.submit')}
        </button>
      </div>
    </form>
  );
}
