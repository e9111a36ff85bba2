import type { Metadata } from "next";
import { ConnectOutcome } from "@/components/connect-outcome";
import { ConnectionList } from "@/components/connection-list";
import { SiteHeader } from "@/components/site-header";
import { requireGrower } from "@/lib/auth/page-guards";
import { isConnectErrorCode } from "@/lib/connect/connect-error";
import { liveConnections } from "@/lib/connections/snapshots";
import { providers } from "@/lib/providers";

export const metadata: Metadata = { title: "Your connections" };

export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireGrower();
  const query = await searchParams;
  const initial = await liveConnections(viewer.leafUserId);
  const catalog = providers.map((p) => ({ id: p.id, name: p.name }));
  const errorProvider = catalog.find((p) => p.id === query.provider);
  const error = isConnectErrorCode(query.error) ? query.error : undefined;
  const connected = catalog.find((p) => p.id === query.connected);

  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        {/* Named, so a grower who opened someone else's link sees whose accounts these are. */}
        <h1 className="text-2xl font-semibold">Connections for {viewer.name || "you"}</h1>
        <p className="mt-1 text-stone-600">
          Connect the accounts your farm uses so your advisors' tools can sync fields and machine data.
        </p>
        <ConnectOutcome error={error && errorProvider ? { code: error, provider: errorProvider } : undefined} />
        {/* The list words the "linked" banner: it knows, live, whether the connection shares anything. */}
        <ConnectionList
          leafUserId={viewer.leafUserId}
          providers={catalog}
          initial={initial}
          canConnect
          justConnected={error ? undefined : connected}
        />
      </main>
    </>
  );
}
