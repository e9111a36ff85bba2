import type { Metadata } from "next";
import { InviteSignIn } from "@/components/invite-sign-in";
import { redeemInvite } from "@/lib/auth/invites";

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const grower = await redeemInvite(decodeURIComponent(token));
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-field">Headland</h1>
      {grower ? (
        <InviteSignIn token={decodeURIComponent(token)} name={grower.name} />
      ) : (
        <>
          <h2 className="mt-6 text-lg font-medium">This invite link no longer works</h2>
          <p className="mt-2 text-stone-700">
            Invite links last 7 days, and a new link replaces the old one. Ask the person who invited you to send a new
            link.
          </p>
        </>
      )}
    </main>
  );
}
