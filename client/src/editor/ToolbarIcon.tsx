import type { ReactNode } from 'react';

/** Line drawings for buttons whose meaning has no letter (the label comes from aria-label). */
const drawings = {
  link: (
    <>
      <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
    </>
  ),
  table: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
    </>
  ),
  // A pilcrow with an arrow pointing the way the lines run.
  directionRtl: (
    <>
      <path d="M14 4v12M18 4v12M18 4h-5a3 3 0 0 0 0 6h1" />
      <path d="M21 20H5M8 17l-3 3 3 3" />
    </>
  ),
  directionLtr: (
    <>
      <path d="M10 4v12M14 4v12M14 4H9a3 3 0 0 0 0 6h1" />
      <path d="M3 20h16M16 17l3 3-3 3" />
    </>
  ),
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  addRow: (
    <>
      <rect x="3" y="3" width="18" height="10" rx="1.5" />
      <path d="M3 8h18M12 16v6M9 19h6" />
    </>
  ),
  deleteRow: (
    <>
      <rect x="3" y="3" width="18" height="10" rx="1.5" />
      <path d="M3 8h18M9 19h6" />
    </>
  ),
  addColumn: (
    <>
      <rect x="3" y="3" width="10" height="18" rx="1.5" />
      <path d="M8 3v18M16 12h6M19 9v6" />
    </>
  ),
  deleteColumn: (
    <>
      <rect x="3" y="3" width="10" height="18" rx="1.5" />
      <path d="M8 3v18M16 12h6" />
    </>
  ),
  // Quotation marks: a passage taken from somewhere else (a practice from the library).
  cite: (
    <>
      <path d="M4 18c2.5-1 4-3.5 4-6.5V6H3.5v6H8" />
      <path d="M14 18c2.5-1 4-3.5 4-6.5V6h-4.5v6H18" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type ToolbarIconName = keyof typeof drawings;

// Drawings with a direction of their own (history arrows) follow the page's direction.
const mirrored = new Set<ToolbarIconName>(['undo', 'redo']);

export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg
      className={`toolbar__icon${mirrored.has(name) ? ' toolbar__icon--mirrored' : ''}`}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {drawings[name]}
    </svg>
  );
}
