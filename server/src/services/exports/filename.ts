/**
 * File names that name themselves and survive every file system, mail client and zip tool:
 * `<event>-<session>-<group>.docx` in lowercase ASCII. Latin letters lose their accents
 * ("Séance plénière" → "seance-pleniere"); Arabic is transliterated letter by letter (a plain
 * scheme without vowel marks, good enough to recognise a group's name); anything else that is
 * not a letter or digit becomes a hyphen. A part with nothing left is dropped.
 */
const arabic: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ة: 'a',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
};

/** Special Latin letters that do not decompose into a base letter and a mark. */
const latin: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

/** One part of a file name: lowercase ASCII letters, digits and single hyphens, at most `max`. */
export function fileNamePart(text: string, max = 40): string {
  let out = '';
  for (const character of text.normalize('NFKD').toLowerCase()) {
    if (/[a-z0-9]/.test(character)) out += character;
    else if (character in arabic) out += arabic[character];
    else if (character in latin) out += latin[character];
    else if (/\p{M}/u.test(character))
      continue; // an accent of the letter before
    else out += '-';
  }
  const cut = out.replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, max);
  return cut.replace(/-$/, '');
}

/** `<event>-<session>-<group>.<extension>`, skipping empty parts; `export` when all are. */
export function exportFileName(parts: readonly (string | null)[], extension: string): string {
  const named = parts.map((part) => (part === null ? '' : fileNamePart(part))).filter(Boolean);
  return `${named.length > 0 ? named.join('-') : 'export'}.${extension}`;
}
