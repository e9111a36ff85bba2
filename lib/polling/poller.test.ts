import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startPoller, type Tab } from "./poller";

/** A tab the test hides, shows and focuses. */
function fakeTab() {
  let hidden = false;
  const listeners = new Set<() => void>();
  const tab: Tab = {
    hidden: () => hidden,
    onReturn(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    tab,
    hide: () => {
      hidden = true;
    },
    show: () => {
      hidden = false;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

/** A server whose answers the test releases one by one; records each request's signal. */
function fakeServer() {
  const requests: { signal: AbortSignal; answer(value: string): void; fail(): void }[] = [];
  const load = vi.fn(
    (signal: AbortSignal) =>
      new Promise<string>((resolve, reject) => {
        signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        requests.push({ signal, answer: resolve, fail: () => reject(new Error("503")) });
      }),
  );
  return { load, requests };
}

const delayAfter = (data: string) => (data === "processing" ? 1500 : 30_000);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("startPoller", () => {
  it("asks after the delay the data calls for: often while settling, rarely once settled", async () => {
    const { tab } = fakeTab();
    const server = fakeServer();
    const seen: string[] = [];
    startPoller({ initial: "processing", load: server.load, delayAfter, onData: (d) => seen.push(d), tab });
    expect(server.load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1500);
    expect(server.load).toHaveBeenCalledTimes(1);
    server.requests[0]!.answer("ok");
    await vi.advanceTimersByTimeAsync(29_999);
    expect(seen).toEqual(["ok"]);
    expect(server.load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.load).toHaveBeenCalledTimes(2);
  });

  it("keeps the last data after a failure and tries again after the usual wait", async () => {
    const { tab } = fakeTab();
    const server = fakeServer();
    const onData = vi.fn();
    startPoller({ initial: "processing", load: server.load, delayAfter, onData, tab });
    await vi.advanceTimersByTimeAsync(1500);
    server.requests[0]!.fail();
    await vi.advanceTimersByTimeAsync(1500);
    expect(onData).not.toHaveBeenCalled();
    expect(server.load).toHaveBeenCalledTimes(2);
  });

  it("pauses while the tab is hidden and asks at once when it comes back", async () => {
    const page = fakeTab();
    const server = fakeServer();
    startPoller({ initial: "processing", load: server.load, delayAfter, onData: () => {}, tab: page.tab });
    page.hide();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.load).not.toHaveBeenCalled();
    page.show();
    expect(server.load).toHaveBeenCalledTimes(1);
  });

  it("answers a return (focus, online) with the request already out, not a second one", async () => {
    const page = fakeTab();
    const server = fakeServer();
    startPoller({ initial: "processing", load: server.load, delayAfter, onData: () => {}, tab: page.tab });
    page.show();
    page.show();
    expect(server.load).toHaveBeenCalledTimes(1);
  });

  it("refresh drops the answer on its way: it may predate the change that asked for a refresh", async () => {
    const { tab } = fakeTab();
    const server = fakeServer();
    const seen: string[] = [];
    const poller = startPoller({ initial: "ok", load: server.load, delayAfter, onData: (d) => seen.push(d), tab });
    poller.refresh();
    poller.refresh();
    expect(server.requests[0]!.signal.aborted).toBe(true);
    server.requests[0]!.answer("ok");
    server.requests[1]!.answer("not_connected");
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(["not_connected"]);
  });

  it("stop aborts the request in flight, clears the timer and unsubscribes", async () => {
    const page = fakeTab();
    const server = fakeServer();
    const onData = vi.fn();
    const poller = startPoller({ initial: "processing", load: server.load, delayAfter, onData, tab: page.tab });
    await vi.advanceTimersByTimeAsync(1500);
    poller.stop();
    expect(server.requests[0]!.signal.aborted).toBe(true);
    expect(page.listeners.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.load).toHaveBeenCalledTimes(1);
    expect(onData).not.toHaveBeenCalled();
  });
});
