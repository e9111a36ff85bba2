import type { Metadata } from "next";
import Link from "next/link";
import { InviteSignIn } from "@/components/invite-sign-in";
import { type InviteEnded, inspectInvite } from "@/lib/auth/invites";
import { currentViewer, type Viewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

const endedWords: Record<InviteEnded, string> = {
  used_up: "This link has been used as many times as it allows.",
  expired: "Invite links last 7 days, and this one has run out.",
  revoked: "A newer link has replaced this one.",
  unknown: "This link is not one Headland made, or part of it is missing.",
};

/** Who this browser is signed in as, when that is not the grower the link is for. */
function otherSession(viewer: Viewer | undefined, leafUserId: string): string | undefined {
  if (!viewer || (viewer.role === "grower" && viewer.leafUserId === leafUserId)) return undefined;
  return viewer.role === "staff" ? `staff (${viewer.email})` : viewer.name || "another grower";
}

// Opening the link uses nothing and signs nobody in: the page names whose accounts are being connected
// and the grower confirms, so a forwarded link does not silently land someone in another's account.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const [invite, viewer] = await Promise.all([inspectInvite(token), currentViewer()]);
  const alreadyIn = invite.grower && viewer?.role === "grower" && viewer.leafUserId === invite.grower.leafUserId;
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-field">Headland</h1>
      {invite.ended ? (
        <>
          <h2 className="mt-6 text-lg font-medium">This invite link no longer works</h2>
          <p className="mt-2 text-stone-700">
            {endedWords[invite.ended]} Ask the person who invited you to send a new link.
          </p>
        </>
      ) : alreadyIn ? (
        <>
          <h2 className="mt-6 text-lg font-medium">You're already signed in as {invite.grower.name}</h2>
          <Link href="/connections" className="mt-4 inline-block rounded-lg bg-field px-4 py-2 font-medium text-white">
            Go to your connections
          </Link>
        </>
      ) : (
        <InviteSignIn
          token={token}
          grower={{ name: invite.grower.name, email: invite.grower.email }}
          replacing={otherSession(viewer, invite.grower.leafUserId)}
        />
      )}
    </main>
  );
}
