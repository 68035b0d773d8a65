import { useEffect, useState } from 'react';

/** The time now, ticking every `intervalMs` (30 s) so countdowns move while a page is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Reloads every `intervalMs` (a minute) while the page is open. */
export function useEvery(action: () => void, intervalMs = 60_000): void {
  useEffect(() => {
    const timer = setInterval(action, intervalMs);
    return () => clearInterval(timer);
  }, [action, intervalMs]);
}
