interface StatusMessageProps {
  message: string | null;
  /** Set when a new message may equal the last one, so it is announced again. */
  id?: number;
}

/**
 * A polite live region that is always in the page: screen readers only announce changes to a
 * region they already know, so it must not be mounted together with its first message.
 */
export function StatusMessage({ message, id }: StatusMessageProps) {
  return (
    <div role="status" className="org-status-region">
      {message && (
        <p key={id} className="notice org-notice--success">
          {message}
        </p>
      )}
    </div>
  );
}
