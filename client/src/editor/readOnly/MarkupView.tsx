import { createElement, type ReactNode } from 'react';
import type { Markup } from '@draftroom/shared/history';

/**
 * The diff's element tree (shared `diffMarkup`) as React elements, one for one: the same tree the
 * bench renders to HTML. Only the tags and attributes the tree builder writes ever occur; text is
 * text (React escapes it), never HTML.
 */
export function MarkupView({ markup }: { markup: readonly Markup[] }): ReactNode {
  return markup.map((node, index) => {
    if (typeof node === 'string') return node;
    const { class: className, 'aria-hidden': ariaHidden, ...rest } = node.attrs;
    return createElement(
      node.tag,
      { key: index, className, 'aria-hidden': ariaHidden, ...rest },
      node.children.length ? <MarkupView markup={node.children} /> : undefined,
    );
  });
}
