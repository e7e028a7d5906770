/** Small line icons for buttons whose meaning has no letter (the label comes from aria-label). */
export function ToolbarIcon({ name }: { name: 'link' | 'table' }) {
  return (
    <svg
      className="toolbar__icon"
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
      {name === 'link' ? (
        <>
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
          <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
        </>
      ) : (
        <>
          <rect x="3" y="4" width="18" height="16" rx="1.5" />
          <path d="M3 10h18M3 15h18M9 4v16M15 4v16" />
        </>
      )}
    </svg>
  );
}
