/**
 * Remembers what `compute` gave for a key for `maxAgeMs`, in this instance, for at most `maxKeys` keys
 * (the oldest goes first). Every open dashboard asks every few seconds for numbers that take a scan of
 * every grower to count; they can be as old as the wait between two refreshes anyway. A failure is
 * forgotten at once, so the next request tries again.
 */
export function recentlyComputed<T>(maxAgeMs: number, maxKeys = 100) {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> => {
    const hit = cache.get(key);
    if (hit && now - hit.at < maxAgeMs) return hit.value;
    const value = compute();
    cache.delete(key);
    cache.set(key, { at: now, value });
    if (cache.size > maxKeys) cache.delete(cache.keys().next().value!);
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  };
}
