"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ConnectionStatus, isSettling } from "@/lib/connections/status";
import { statusSentences } from "@/lib/wording/status-words";
import { DisconnectButton } from "./disconnect-button";
import { StatusBadge } from "./status-badge";

export interface ConnectionItem {
  provider: string;
  status: ConnectionStatus;
  since: string;
}

interface Props {
  leafUserId: string;
  providers: { id: string; name: string }[];
  initial: ConnectionItem[];
  /** Staff watch and disconnect; only the grower can give consent. */
  canConnect: boolean;
}

async function fetchConnections(leafUserId: string): Promise<ConnectionItem[]> {
  const response = await fetch(`/api/growers/${encodeURIComponent(leafUserId)}/connections`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status check answered ${response.status}`);
  return (await response.json()).connections;
}

/** Each provider's status, kept live: quick polling while something is settling, slow otherwise. */
export function ConnectionList({ leafUserId, providers, initial, canConnect }: Props) {
  const queryClient = useQueryClient();
  const queryKey = ["connections", leafUserId];
  const { data = initial } = useQuery({
    queryKey,
    queryFn: () => fetchConnections(leafUserId),
    initialData: initial,
    refetchInterval: (query) => ((query.state.data ?? initial).some((c) => isSettling(c.status)) ? 1500 : 30_000),
  });

  return (
    <div className="mt-6 grid gap-4">
      {providers.map((provider) => {
        const status = data.find((c) => c.provider === provider.id)?.status ?? "not_connected";
        const headingId = `provider-${provider.id}`;
        return (
          <section
            key={provider.id}
            aria-labelledby={headingId}
            className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
          >
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id={headingId} className="text-lg font-semibold">
                {provider.name}
              </h2>
              <StatusBadge status={status} />
            </div>
            <p className="mt-2 text-stone-600">{statusSentences[status]}</p>
            <div className="mt-4 flex flex-wrap gap-3">
              {canConnect && (
                <a
                  href={`/api/connect/${provider.id}`}
                  className="rounded-lg bg-field px-4 py-2 font-medium text-white"
                >
                  {status === "not_connected" ? `Connect ${provider.name}` : `Reconnect ${provider.name}`}
                </a>
              )}
              {status !== "not_connected" && (
                <DisconnectButton
                  leafUserId={leafUserId}
                  provider={provider}
                  onDone={() => queryClient.invalidateQueries({ queryKey })}
                />
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
