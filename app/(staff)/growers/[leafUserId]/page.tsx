import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionList } from "@/components/connection-list";
import { CopyField } from "@/components/copy-field";
import { SiteHeader } from "@/components/site-header";
import { currentInvite } from "@/lib/auth/invites";
import { requireStaff } from "@/lib/auth/page-guards";
import { liveConnections } from "@/lib/connections/snapshots";
import { database } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import { providers } from "@/lib/providers";

export const metadata: Metadata = { title: "Grower" };

export default async function GrowerPage({ params }: { params: Promise<{ leafUserId: string }> }) {
  const viewer = await requireStaff();
  const { leafUserId } = await params;
  const db = await database();
  const [grower] = await db.select().from(growers).where(eq(growers.leafUserId, decodeURIComponent(leafUserId))).limit(1);
  if (!grower) notFound();
  const [connections, invite] = await Promise.all([liveConnections(grower.leafUserId), currentInvite(grower.id)]);

  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <Link href="/dashboard" className="text-sm text-field hover:underline">← All growers</Link>
        <h1 className="mt-2 text-2xl font-semibold">{grower.name}</h1>
        <p className="text-stone-600">{grower.email} · Leaf user <code className="text-sm">{grower.leafUserId}</code></p>
        <div className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
          {invite ? (
            <CopyField label="Invite link" value={invite.url} buttonLabel="Copy invite link" />
          ) : (
            <p className="text-stone-700">This grower has no working invite link.</p>
          )}
        </div>
        <ConnectionList leafUserId={grower.leafUserId} providers={providers.map((p) => ({ id: p.id, name: p.name }))} initial={connections} canConnect={false} />
      </main>
    </>
  );
}
