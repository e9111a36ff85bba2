// Keeps one piece of server data fresh in a browser tab, for the grower's page, which must stay light:
// react-query does this and more for the staff tables, but it is ~12 kB gzip a grower's phone would load
// for one list. The rules are react-query's that the page relied on: wait between answers (a delay that
// depends on the data, so something settling is asked about often), nothing while the tab is hidden, ask
// at once when the tab comes back, gets focus or the network returns, and never two requests at a time.

/** What the poller listens to: the tab's visibility, focus and network. `document` and `window` in a browser. */
export interface Tab {
  hidden(): boolean;
  /** Calls `listener` when the tab is shown again, focused or back online; returns the unsubscribe. */
  onReturn(listener: () => void): () => void;
}

export interface PollerOptions<T> {
  initial: T;
  load(signal: AbortSignal): Promise<T>;
  /** How long to wait after an answer (or a failure) before asking again, given the latest data. */
  delayAfter(data: T): number;
  onData(data: T): void;
  tab: Tab;
}

export interface Poller {
  /** Asks now, dropping any answer still on its way (after a change the old answer may predate it). */
  refresh(): void;
  /** Stops for good: timers cleared, listeners removed, the request in flight aborted. */
  stop(): void;
}

export function startPoller<T>({ initial, load, delayAfter, onData, tab }: PollerOptions<T>): Poller {
  let data = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = stopped || tab.hidden() ? undefined : setTimeout(ask, delayAfter(data));
  };

  async function ask() {
    clearTimeout(timer);
    inFlight?.abort();
    if (stopped || tab.hidden()) return;
    const request = new AbortController();
    inFlight = request;
    try {
      const answer = await load(request.signal);
      if (request.signal.aborted) return;
      data = answer;
      onData(answer);
    } catch {
      // A failed check keeps the last data on screen; the next one comes after the usual wait.
    }
    if (request.signal.aborted) return;
    inFlight = undefined;
    schedule();
  }

  // A return while a request is out is answered by that request.
  const unsubscribe = tab.onReturn(() => {
    if (!inFlight) void ask();
  });
  schedule();

  return {
    refresh: () => void ask(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      unsubscribe();
    },
  };
}

/** The browser tab: hidden per the Page Visibility API; back on visibilitychange, focus and online. */
export function browserTab(): Tab {
  return {
    hidden: () => document.visibilityState === "hidden",
    onReturn(listener) {
      const onVisibility = () => {
        if (document.visibilityState === "visible") listener();
      };
      document.addEventListener("visibilitychange", onVisibility);
      window.addEventListener("focus", listener);
      window.addEventListener("online", listener);
      return () => {
        document.removeEventListener("visibilitychange", onVisibility);
        window.removeEventListener("focus", listener);
        window.removeEventListener("online", listener);
      };
    },
  };
}
