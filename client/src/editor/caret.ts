/**
 * Draws another person's caret with their name on it (CollaborationCaret's `render`). The name
 * goes in as text, never HTML: it comes from a peer and is untrusted. The extension has already
 * replaced an invalid colour with "transparent".
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : '';
  const color = typeof user.color === 'string' ? user.color : 'transparent';

  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  // Hidden from assistive technology: the name would otherwise be read out as part of the text.
  // The "Who is here" list carries the same information accessibly.
  caret.setAttribute('aria-hidden', 'true');

  // The label takes the caret's direction, so it sits (and is squared off) on the caret's
  // start side in Arabic as in English; the name inside is isolated and finds its own direction.
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  // A long name is cut short with an ellipsis; the whole of it shows on hover.
  label.title = name;
  const nameText = document.createElement('bdi');
  nameText.textContent = name;
  label.append(nameText);

  caret.append(label);
  return caret;
}
