import { limits } from '@draftroom/shared';

/**
 * Largest paste accepted, in UTF-8 bytes of either the plain text or the HTML. Half the message
 * limit leaves room for the Yjs encoding around the text (structure, formatting, ids), so a paste
 * that passes here fits in one websocket message the server accepts.
 */
export const maxPasteBytes = Math.floor(limits.maxMessageBytes / 2);

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  // Cheap exits first: a UTF-16 unit is 1–3 UTF-8 bytes, so short texts never need encoding.
  if (text.length * 3 <= maxPasteBytes) return text.length;
  return encoder.encode(text).length;
}

/** True when a paste (or drop) would produce a change the server refuses. */
export function isPasteTooLarge(clipboard: { text: string; html: string }): boolean {
  return utf8Length(clipboard.text) > maxPasteBytes || utf8Length(clipboard.html) > maxPasteBytes;
}
