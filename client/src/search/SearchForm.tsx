import { useId, type KeyboardEvent } from 'react';
import { maxSearchLength } from '@draftroom/shared';

interface SearchFormProps {
  label: string;
  /** How the words are matched, read with the box. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter: the search runs as one types, so Enter only moves on (to the first result). */
  onSubmit?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * A page's search box (a `search` landmark): words in any script (`dir="auto"`), no longer than
 * the server accepts. Guides' search and the library's pages share it.
 */
export function SearchForm({ label, hint, value, onChange, onSubmit, onKeyDown }: SearchFormProps) {
  const id = useId();
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      <label htmlFor={`${id}-q`} className="search-form__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="muted search-form__hint">
          {hint}
        </p>
      )}
      <input
        id={`${id}-q`}
        className="search-form__input"
        type="search"
        dir="auto"
        autoComplete="off"
        maxLength={maxSearchLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
    </form>
  );
}
