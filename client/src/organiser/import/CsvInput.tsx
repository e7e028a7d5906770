import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importRoles, stripByteOrderMark, type ImportRole } from '../importReport.ts';
import { SelectField } from '../../ui/fields/SelectField.tsx';
import { TextField } from '../../ui/fields/TextField.tsx';

interface CsvInputProps {
  csv: string;
  role: ImportRole;
  busy: boolean;
  onChange: (next: { csv?: string; role?: ImportRole }) => void;
  onCheck: () => void;
}

/** The file (or pasted text) and the role everyone in it gets; "Check" runs the dry run. */
export function CsvInput({ csv, role, busy, onChange, onCheck }: CsvInputProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const [problem, setProblem] = useState<'empty' | 'unreadable' | null>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      onChange({ csv: stripByteOrderMark(await file.text()) });
      setProblem(null);
    } catch {
      setProblem('unreadable');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csv.trim() === '') return setProblem('empty');
    onCheck();
  };

  return (
    <form className="card org-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('organiser.import.role')}
        hint={t('organiser.import.roleHint')}
        value={role}
        options={importRoles.map((value) => ({ value, label: t(`organiser.roles.${value}`) }))}
        onChange={(value) => onChange({ role: value as ImportRole })}
      />
      <div className="field">
        <label htmlFor={fileId}>{t('organiser.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
      </div>
      <TextField
        multiline
        label={t('organiser.import.text')}
        hint={t('organiser.import.textHint')}
        value={csv}
        onChange={(value) => {
          onChange({ csv: value });
          setProblem(null);
        }}
        problem={problem ? { key: problem === 'empty' ? 'required' : 'invalidFile' } : undefined}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {busy ? t('organiser.import.checking') : t('organiser.import.check')}
        </button>
      </div>
    </form>
  );
}
