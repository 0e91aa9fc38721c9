import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), refreshed every second until `until`: pass Infinity to tick for as long as
 * the component shows something live, null to stop. Countdowns and elapsed times share it.
 */
export function useTickingNow(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const ticking = until !== null && now < until;
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      window.clearInterval(timer);
    };
  }, [ticking]);
  return now;
}
