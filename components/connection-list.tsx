"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ConnectionStatus, isSettling } from "@/lib/connections/status";
import { chooseOrganizationsLabel, chooseOrganizationsSentence, statusSentences } from "@/lib/wording/status-words";
import { DisconnectButton } from "./disconnect-button";
import { StatusBadge } from "./status-badge";

export interface ConnectionItem {
  provider: string;
  status: ConnectionStatus;
  since: string;
  /** The provider's page where the grower chooses organizations, when the credential shares none. */
  managementUri?: string;
}

interface Props {
  leafUserId: string;
  providers: { id: string; name: string }[];
  initial: ConnectionItem[];
  /** Staff watch and disconnect; only the grower can give consent. */
  canConnect: boolean;
  /** The provider whose consent the grower just came back from. */
  justConnected?: { id: string; name: string };
}

async function fetchConnections(leafUserId: string): Promise<ConnectionItem[]> {
  const response = await fetch(`/api/growers/${encodeURIComponent(leafUserId)}/connections`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status check answered ${response.status}`);
  return (await response.json()).connections;
}

/** Each provider's status, kept live: quick polling while something is settling, slow otherwise. */
export function ConnectionList({ leafUserId, providers, initial, canConnect, justConnected }: Props) {
  const queryClient = useQueryClient();
  const queryKey = ["connections", leafUserId];
  const { data = initial } = useQuery({
    queryKey,
    queryFn: () => fetchConnections(leafUserId),
    initialData: initial,
    refetchInterval: (query) => ((query.state.data ?? initial).some((c) => isSettling(c.status)) ? 1500 : 30_000),
  });

  // Linked but sharing nothing is no success: the grower is told what is missing instead of thanked.
  const sharesNothing =
    justConnected && data.find((c) => c.provider === justConnected.id)?.status === "no_organizations";
  return (
    <div className="mt-6 grid gap-4">
      {justConnected && (
        <div
          role="status"
          className={`rounded-lg border p-4 ${
            sharesNothing
              ? "border-amber-300 bg-amber-50 text-amber-900"
              : "border-green-200 bg-green-50 text-green-900"
          }`}
        >
          {sharesNothing
            ? chooseOrganizationsSentence(justConnected.name)
            : `Thanks! ${justConnected.name} is linked. We are checking it with the provider now.`}
        </div>
      )}
      {providers.map((provider) => {
        const connection = data.find((c) => c.provider === provider.id);
        const status = connection?.status ?? "not_connected";
        const chooseAt = status === "no_organizations" ? connection?.managementUri : undefined;
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
            <p className="mt-2 text-stone-600">
              {status === "no_organizations" ? chooseOrganizationsSentence(provider.name) : statusSentences[status]}
            </p>
            <div className="mt-4 flex flex-wrap gap-3">
              {canConnect && chooseAt && (
                // The provider's own page: a full navigation, and it sends the grower back only where it was told.
                <a href={chooseAt} className="rounded-lg bg-field px-4 py-2 font-medium text-white">
                  {chooseOrganizationsLabel(provider.name)}
                </a>
              )}
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
