import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GrowerFunnel } from "@/components/dashboard/grower-funnel";
import { AuditTable } from "@/components/grower/audit-table";
import { GrowerActions } from "@/components/grower/grower-actions";
import { InvitePanel } from "@/components/grower/invite-panel";
import { ProviderPanel } from "@/components/grower/provider-panel";
import { SiteHeader } from "@/components/site-header";
import { inviteSummary } from "@/lib/auth/invites";
import { requireStaff } from "@/lib/auth/page-guards";
import { growerTokenLapses } from "@/lib/connections/expiry";
import { auditTrail } from "@/lib/growers/audit-trail";
import { findGrower, providerDetailsFor } from "@/lib/growers/grower-details";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { mailEnabled } from "@/lib/mail/send";
import { providers } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grower-detail"))("metaTitle") };
}

/** Each lapsing provider's token lapse, beside the rule it follows, for the panels. */
function lapseFor(providerId: string, lapses: Awaited<ReturnType<typeof growerTokenLapses>>) {
  const lapse = lapses.get(providerId);
  const lapseDays = providers.find((p) => p.id === providerId)?.refreshTokenLapsesAfterDays;
  return lapse && lapseDays ? { lapse, lapseDays } : undefined;
}

export default async function GrowerPage({ params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await requireStaff();
  const grower = await findGrower(decodeURIComponent((await params).leafUserId));
  if (!grower) notFound();
  const [details, invite, trail, lapses, t] = await Promise.all([
    providerDetailsFor(grower.leafUserId),
    inviteSummary(grower.id),
    auditTrail(grower.leafUserId),
    growerTokenLapses(grower.leafUserId),
    getTranslations("grower-detail"),
  ]);

  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <div>
          <Link href="/dashboard" className="text-sm text-field hover:underline">
            {t("back")}
          </Link>
          <h1 className="mt-2 break-words text-2xl font-semibold">{grower.name}</h1>
          <p className="break-words text-stone-600">
            {grower.email || t("noEmail")} · {t("leafUser")}{" "}
            <code className="break-all text-sm">{grower.leafUserId}</code>
          </p>
        </div>
        <ClientMessages namespaces={["grower-detail"]}>
          <GrowerActions
            leafUserId={grower.leafUserId}
            emailTo={mailEnabled() && grower.email ? grower.email : undefined}
          />
        </ClientMessages>
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <InvitePanel invite={invite} />
        </div>
        {/* The invite funnel (helper 10c's component). */}
        <GrowerFunnel growerId={grower.id} leafUserId={grower.leafUserId} />
        <div className="grid gap-4">
          {details.map((d) => (
            <ProviderPanel
              key={d.provider.id}
              leafUserId={grower.leafUserId}
              details={d}
              lapse={lapseFor(d.provider.id, lapses)}
            />
          ))}
        </div>
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
            {t("record.heading")}
          </h2>
          <AuditTable lines={trail} />
        </section>
      </main>
    </>
  );
}
