import { useEffect, useState } from 'react';

/**
 * The current time, for rendering ("expired", today's offset of a zone). Read once and then every
 * minute, so renders stay pure and a page left open still notices a link expiring.
 */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
