import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/grower/audit-table";
import { GrowerActions } from "@/components/grower/grower-actions";
import { InvitePanel } from "@/components/grower/invite-panel";
import { ProviderPanel } from "@/components/grower/provider-panel";
import { SiteHeader } from "@/components/site-header";
import { inviteSummary } from "@/lib/auth/invites";
import { requireStaff } from "@/lib/auth/page-guards";
import { auditTrail } from "@/lib/growers/audit-trail";
import { findGrower, providerDetailsFor } from "@/lib/growers/grower-details";
import { mailEnabled } from "@/lib/mail/send";

export const metadata: Metadata = { title: "Grower" };

export default async function GrowerPage({ params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await requireStaff();
  const grower = await findGrower(decodeURIComponent((await params).leafUserId));
  if (!grower) notFound();
  const [details, invite, trail] = await Promise.all([
    providerDetailsFor(grower.leafUserId),
    inviteSummary(grower.id),
    auditTrail(grower.leafUserId),
  ]);

  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
        <div>
          <Link href="/dashboard" className="text-sm text-field hover:underline">
            ← All growers
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">{grower.name}</h1>
          <p className="text-stone-600">
            {grower.email || "No email"} · Leaf user <code className="text-sm">{grower.leafUserId}</code>
          </p>
        </div>
        <GrowerActions
          leafUserId={grower.leafUserId}
          emailTo={mailEnabled() && grower.email ? grower.email : undefined}
        />
        <div className="rounded-xl border border-stone-200 bg-white p-4">
          <InvitePanel invite={invite} />
        </div>
        <div className="grid gap-4">
          {details.map((d) => (
            <ProviderPanel key={d.provider.id} leafUserId={grower.leafUserId} details={d} />
          ))}
        </div>
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="mb-2 text-lg font-semibold">
            Headland's record
          </h2>
          <AuditTable lines={trail} />
        </section>
      </main>
    </>
  );
}
