import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface InlineListItem {
  key: string;
  /** Plain text of the item: Intl.ListFormat needs strings to place the separators. */
  text: string;
  /** What to render for it (a name with its own `lang`, say); the text itself when absent. */
  node?: ReactNode;
}

/**
 * "English, French and Arabic" with the separators of the interface's language ("، " and "و"
 * in Arabic), by Intl.ListFormat, while each item keeps its own markup.
 */
export function InlineList({ items }: { items: readonly InlineListItem[] }) {
  const { i18n } = useTranslation();
  const parts = new Intl.ListFormat(i18n.language, {
    style: 'long',
    type: 'conjunction',
  }).formatToParts(items.map((item) => item.text));
  let index = 0;
  return (
    <>
      {parts.map((part, position) => {
        if (part.type === 'literal')
          return <Fragment key={`sep-${position}`}>{part.value}</Fragment>;
        const item = items[index++];
        return <Fragment key={item?.key ?? position}>{item?.node ?? part.value}</Fragment>;
      })}
    </>
  );
}
