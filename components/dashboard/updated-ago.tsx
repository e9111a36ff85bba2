"use client";

import { useEffect, useState } from "react";

/** "Updated 4s ago", ticking; the first render says "just now" so server and browser agree. */
export function UpdatedAgo({ at, failing }: { at: number; failing: boolean }) {
  const [now, setNow] = useState<number>();
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = now === undefined ? 0 : Math.max(0, Math.round((now - at) / 1000));
  const age = seconds < 2 ? "just now" : seconds < 120 ? `${seconds}s ago` : `${Math.round(seconds / 60)} min ago`;
  return (
    <p className="text-sm text-stone-600">
      Updated {age}
      {failing && <span className="ml-2 text-amber-800">· can't reach Headland, retrying</span>}
    </p>
  );
}
