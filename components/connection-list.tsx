"use client";

import { useEffect, useRef, useState } from "react";
import { type ConnectionStatus, isSettling } from "@/lib/connections/status";
import { stepStates, troubleOf } from "@/lib/doctor";
import { browserTab, type Poller, startPoller } from "@/lib/polling/poller";
import type { CardTrouble, CardWords, ListWords } from "./connect/card-words";
import { Stepper } from "./connect/stepper";
import { DisconnectButton } from "./disconnect-button";
import { StatusBadge } from "./status-badge";

export interface ConnectionItem {
  provider: string;
  status: ConnectionStatus;
  leafStatus?: string | null;
  since: string;
  /** The provider's page where the grower chooses organizations, when the credential shares none. */
  managementUri?: string;
}

interface Props {
  leafUserId: string;
  words: ListWords;
  initial: ConnectionItem[];
  /** The provider whose consent the grower just came back from. */
  justConnected?: string;
  /** Leaf did not take the credential at once: the outbox is retrying it. */
  savingSlowly?: boolean;
  /** Providers whose token lapses soon (see lib/connections/expiry.ts). */
  lapsing: Record<string, { daysLeft: number }>;
  /** The page was opened with a flow's outcome in its address; it goes once read, so a reload does not repeat it. */
  outcomeInUrl: boolean;
}

async function fetchConnections(leafUserId: string, signal: AbortSignal): Promise<ConnectionItem[]> {
  const url = `/api/growers/${encodeURIComponent(leafUserId)}/connections`;
  const response = await fetch(url, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`status check answered ${response.status}`);
  return (await response.json()).connections;
}

const primary = "rounded-lg bg-field px-4 py-2 font-medium text-white";
const quiet = "rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800";

/** Each provider's status, kept live: quick polling while something is settling, slow otherwise. */
export function ConnectionList({
  leafUserId,
  words,
  initial,
  justConnected,
  savingSlowly,
  lapsing,
  outcomeInUrl,
}: Props) {
  const { data, refresh } = useLiveConnections(leafUserId, initial);
  const statusOf = (id: string) => data.find((c) => c.provider === id)?.status ?? "not_connected";
  const troubleFor = (card: CardWords): CardTrouble => {
    const connection = data.find((c) => c.provider === card.id);
    if (connection?.status === "pending" && savingSlowly && card.id === justConnected) return "leaf_slow";
    const trouble = troubleOf({
      status: connection?.status ?? "not_connected",
      leafStatus: connection?.leafStatus,
      lapse: lapsing[card.id] ? { nudge: true } : null,
    });
    return trouble as CardTrouble;
  };

  const banner = words.providers.find((p) => p.id === justConnected);
  const bannerStatus = banner && statusOf(banner.id);
  const settling = Boolean(bannerStatus && isSettling(bannerStatus));
  const briefThanks = useBriefThanks(initial.find((c) => c.provider === justConnected)?.status === "ok");
  useForgetOutcome(outcomeInUrl && !settling);

  return (
    <div className="mt-6 grid gap-4">
      {/* Thanks while the credential settles; once the card says Connected it has said it all. */}
      {banner && (bannerStatus !== "ok" || briefThanks) && (
        <div
          role="status"
          className={`rounded-lg border p-4 ${
            settling || bannerStatus === "ok"
              ? "border-green-200 bg-green-50 text-green-900"
              : "border-amber-300 bg-amber-50 text-amber-900"
          }`}
        >
          {settling
            ? banner.thanks
            : bannerStatus === "ok"
              ? banner.linked
              : banner.diagnoses[troubleFor(banner)].sentence}
        </div>
      )}
      {words.providers.map((card) => (
        <ConnectionCard
          key={card.id}
          card={card}
          connection={data.find((c) => c.provider === card.id)}
          trouble={troubleFor(card)}
          statusWords={words.statusWords}
          justFinished={card.id === justConnected}
          leafUserId={leafUserId}
          onDisconnected={refresh}
        />
      ))}
    </div>
  );
}

interface CardProps {
  card: CardWords;
  connection?: ConnectionItem;
  trouble: CardTrouble;
  statusWords: ListWords["statusWords"];
  justFinished: boolean;
  leafUserId: string;
  onDisconnected(): void;
}

/**
 * One provider: its status, the doctor's sentence and, as the one filled button, the action the grower most
 * likely needs (Connect, Reconnect, Choose organizations). When all is well nothing is loud.
 */
function ConnectionCard({
  card,
  connection,
  trouble,
  statusWords,
  justFinished,
  leafUserId,
  onDisconnected,
}: CardProps) {
  const status = connection?.status ?? "not_connected";
  const diagnosis = card.diagnoses[trouble];
  const action = diagnosis.action;
  const href =
    action?.kind === "chooseOrganizations"
      ? (connection?.managementUri ?? `/api/connect/${card.id}`)
      : (action?.href ?? `/api/connect/${card.id}`);
  const connectHref = `/api/connect/${card.id}`;
  const stepAt = isSettling(status)
    ? "saving"
    : status === "no_organizations"
      ? "organizations"
      : justFinished && status === "ok"
        ? "done"
        : undefined;
  const headingId = `provider-${card.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {card.name}
        </h2>
        <StatusBadge status={status} label={statusWords[status]} />
      </div>
      <p className="mt-2 text-stone-600">{diagnosis.sentence}</p>
      {stepAt && card.steps.includes(stepAt) && (
        <div className="mt-3 rounded-lg bg-stone-50 p-3">
          <Stepper words={card.stepper} states={stepStates(card.steps, stepAt)} />
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {action?.href !== undefined && (
          // Connect is a plain link: OAuth needs a full-page navigation, and it works before hydration.
          <a href={href} className={primary}>
            {action.label}
          </a>
        )}
        {status !== "not_connected" && action?.kind !== "reconnect" && (
          <a href={connectHref} className={quiet}>
            {card.reconnect}
          </a>
        )}
        {status !== "not_connected" && (
          <DisconnectButton leafUserId={leafUserId} provider={card} onDone={onDisconnected} words={card.disconnect} />
        )}
      </div>
    </section>
  );
}

/**
 * The server's statuses, then fresh ones from the status API: every 1.5 s while one is settling, every 30 s
 * otherwise, paused in a hidden tab (lib/polling/poller.ts). One check right at hydration, as react-query
 * did before it: a grower back from a provider's page (Trimble's organizations) can be rendered a moment
 * before Leaf has the change, and would otherwise read "sharing nothing" for 30 s.
 */
function useLiveConnections(leafUserId: string, initial: ConnectionItem[]) {
  const [data, setData] = useState(initial);
  const first = useRef(initial);
  const poller = useRef<Poller>(undefined);
  useEffect(() => {
    const live = startPoller<ConnectionItem[]>({
      initial: first.current,
      load: (signal) => fetchConnections(leafUserId, signal),
      delayAfter: (items) => (items.some((c) => isSettling(c.status)) ? 1500 : 30_000),
      onData: setData,
      tab: browserTab(),
    });
    poller.current = live;
    live.refresh();
    return () => live.stop();
  }, [leafUserId]);
  return { data, refresh: () => poller.current?.refresh() };
}

// A credential already working when the grower lands is thanked for a moment (it is news), not for good.
const briefThanksMs = 6000;

/** True for a few seconds when the page opened on an already working credential. */
function useBriefThanks(landedWorking: boolean): boolean {
  const [showing, setShowing] = useState(landedWorking);
  useEffect(() => {
    if (!landedWorking) return;
    const timer = setTimeout(() => setShowing(false), briefThanksMs);
    return () => clearTimeout(timer);
  }, [landedWorking]);
  return showing;
}

// The outcome stays in the address for a moment, so the page a grower (or a test) lands on names what
// happened; after that a reload or a bookmark starts from a plain /connections.
const outcomeKeptMs = 2000;

/** Drops the last flow's outcome (?connected=, ?error=…) from the address once it is no longer news. */
function useForgetOutcome(ready: boolean) {
  const [mountedAt] = useState(() => Date.now());
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(
      () => {
        const url = new URL(window.location.href);
        for (const key of ["connected", "saving", "error", "provider"]) url.searchParams.delete(key);
        window.history.replaceState(window.history.state, "", url);
      },
      Math.max(0, outcomeKeptMs - (Date.now() - mountedAt)),
    );
    return () => clearTimeout(timer);
  }, [ready, mountedAt]);
}
