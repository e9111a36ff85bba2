import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConnectOutcome } from "@/components/connect-outcome";
import { ConnectionList } from "@/components/connection-list";
import { SiteHeader } from "@/components/site-header";
import { requireGrower } from "@/lib/auth/page-guards";
import { isConnectErrorCode } from "@/lib/connect/connect-error";
import { growerTokenLapses } from "@/lib/connections/expiry";
import { liveConnections } from "@/lib/connections/snapshots";
import { asDoctorTranslate } from "@/lib/doctor/english";
import { providers } from "@/lib/providers";
import { failedFlow, listWords } from "./words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("connections"))("title") };
}

export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await requireGrower();
  const query = await searchParams;
  const [initial, lapses, t, doctorT] = await Promise.all([
    liveConnections(viewer.leafUserId),
    growerTokenLapses(viewer.leafUserId),
    getTranslations("connections"),
    getTranslations("doctor"),
  ]);
  const doctor = asDoctorTranslate(doctorT);
  const errorProvider = providers.find((p) => p.id === query.provider);
  const error = isConnectErrorCode(query.error) ? query.error : undefined;
  const connected = error ? undefined : providers.find((p) => p.id === query.connected)?.id;
  // Only a working credential is worth a nudge: a broken one already asks for a reconnect.
  const lapsing = Object.fromEntries(
    [...lapses].filter(([id, lapse]) => lapse.nudge && initial.some((c) => c.provider === id && c.status === "ok")),
  );

  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        {/* Named, so a grower who opened someone else's link sees whose accounts these are. */}
        <h1 className="text-2xl font-semibold break-words">
          {viewer.name ? t("heading", { name: viewer.name }) : t("headingNoName")}
        </h1>
        <p className="mt-1 text-stone-600">{t("intro")}</p>
        <ConnectOutcome failed={error && errorProvider ? failedFlow(doctor, error, errorProvider) : undefined} />
        {/* The list words the "linked" banner: it knows, live, whether the connection shares anything. */}
        <ConnectionList
          leafUserId={viewer.leafUserId}
          words={listWords(doctor, t, providers, (id) => lapses.get(id)?.daysLeft)}
          initial={initial}
          justConnected={connected}
          savingSlowly={query.saving === "1"}
          lapsing={lapsing}
          outcomeInUrl={Boolean(query.connected || query.error)}
        />
      </main>
    </>
  );
}
