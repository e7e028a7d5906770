import { useCallback, useState } from 'react';

/** The message of a page's StatusMessage, and a way to say something new (even the same twice). */
export function useStatus() {
  const [status, setStatus] = useState<{ message: string | null; id: number }>({
    message: null,
    id: 0,
  });
  const announce = useCallback(
    (message: string | null) => setStatus((previous) => ({ message, id: previous.id + 1 })),
    [],
  );
  return { status, announce };
}
