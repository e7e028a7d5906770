import { useTranslation } from 'react-i18next';
import { exportFormats, pageSizes, type ExportFormat, type PageSize } from '@draftroom/shared';
import { RadioGroup } from '../ui/fields/RadioGroup.tsx';
import { SelectField } from '../ui/fields/SelectField.tsx';

export interface ExportChoice {
  format: ExportFormat;
  pageSize: PageSize;
}

export const defaultExportChoice: ExportChoice = { format: 'docx', pageSize: 'A4' };

/**
 * The format and page size of an export, the same on the guide page and the session page.
 * Markdown has no pages, so its page size is not offered.
 */
export function ExportOptionsFields({
  choice,
  onChange,
}: {
  choice: ExportChoice;
  onChange: (choice: ExportChoice) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <RadioGroup<ExportFormat>
        legend={t('exports.format')}
        name="format"
        value={choice.format}
        onChange={(format) => onChange({ ...choice, format })}
        options={exportFormats.map((format) => ({
          value: format,
          label: t(`exports.formats.${format}.label`),
          description: t(`exports.formats.${format}.description`),
        }))}
      />
      {choice.format !== 'md' && (
        <SelectField
          label={t('exports.pageSize')}
          value={choice.pageSize}
          onChange={(pageSize) => onChange({ ...choice, pageSize: pageSize as PageSize })}
          options={pageSizes.map((size) => ({
            value: size,
            label: t(`exports.pageSizes.${size}`),
          }))}
        />
      )}
    </>
  );
}
