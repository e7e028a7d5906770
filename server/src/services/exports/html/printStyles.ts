import type { PageSize } from '../model.ts';

/**
 * The print styles of the HTML export, inline since the document may load nothing (its CSP is
 * `default-src 'none'`). The same document is what Chromium prints to PDF, so these margins are
 * also the PDF's: the footer with page numbers is drawn inside the bottom one.
 */
export const pageMargins = { top: '18mm', right: '18mm', bottom: '20mm', left: '18mm' } as const;

// Noto Sans has no Arabic letters: Chromium falls back to Noto Naskh Arabic letter by letter,
// and shapes Arabic words whole in it. Both come from Debian's fonts-noto-core.
export const bodyFonts = `'Noto Sans', 'Noto Naskh Arabic', sans-serif`;
// A right-to-left block takes its spaces and punctuation from the Arabic font too: Chromium
// builds a PDF bookmark's title from the text runs in the order it paints them, and each change
// of font starts a run, so an Arabic heading spaced in Noto Sans would be bookmarked with its
// words reversed. (Characters Naskh lacks, such as an em dash, still split a run.)
const rightToLeftFonts = `'Noto Naskh Arabic', 'Noto Sans', sans-serif`;
const codeFonts = `'DejaVu Sans Mono', 'Noto Sans Mono', monospace`;

export function printStyles(pageSize: PageSize): string {
  const { top, right, bottom, left } = pageMargins;
  return `
@page { size: ${pageSize}; margin: ${top} ${right} ${bottom} ${left}; }
html { font-family: ${bodyFonts}; font-size: 11pt; line-height: 1.55; color: #111;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
[dir='ltr'] { font-family: ${bodyFonts}; }
[dir='rtl'] { font-family: ${rightToLeftFonts}; }
/* Room for the glyphs' full height in the line: a heading at the top of a page whose letters
   reach above its line is painted on the page before too, and bookmarked twice. */
h1, h2, h3, h4, h5, h6 { line-height: 1.4; margin: 1.1em 0 0.45em;
  break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 20pt; margin-top: 0; }
h2 { font-size: 16pt; }
h3 { font-size: 13.5pt; }
h4 { font-size: 12pt; }
h5, h6 { font-size: 11pt; }
p { margin: 0 0 0.6em; orphans: 2; widows: 2; }
ul, ol { margin: 0 0 0.6em; padding: 0; }
/* The indent follows each item's own direction, so an Arabic item in an English list keeps its
   marker inside the page. */
li { margin-inline-start: 1.6em; }
li > p, td > p, th > p { margin-bottom: 0.2em; }
blockquote { margin: 0 0 0.8em; padding-inline-start: 0.9em; border-inline-start: 3px solid #8b95a3;
  color: #333; }
pre { font-family: ${codeFonts}; font-size: 9.5pt; line-height: 1.4; background: #f3f4f6;
  border: 1px solid #d5d9df; padding: 0.5em 0.7em; margin: 0 0 0.8em; white-space: pre-wrap;
  overflow-wrap: anywhere; break-inside: avoid; }
code { font-family: ${codeFonts}; font-size: 0.9em; }
:not(pre) > code { background: #f3f4f6; padding: 0 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.8em; }
th, td { border: 1px solid #6b7280; padding: 0.3em 0.5em; vertical-align: top; text-align: start; }
th { background: #eceff3; font-weight: 700; }
tr { break-inside: avoid; }
hr { border: 0; border-top: 1px solid #8b95a3; margin: 1em 0; }
a { color: #1d4ed8; }
.title-page { text-align: center; padding-top: 70mm; }
.title-page .event { font-size: 24pt; font-weight: 700; line-height: 1.3; margin-bottom: 0.4em; }
.title-page .session { font-size: 16pt; margin-bottom: 2em; }
.title-page .date { color: #444; }
.contents, .chapter, .annex { break-before: page; page-break-before: always; padding-top: 2mm; }
.contents ol { list-style: decimal; }
.facts { color: #444; font-size: 10pt; margin-bottom: 1.2em; }
`;
}
