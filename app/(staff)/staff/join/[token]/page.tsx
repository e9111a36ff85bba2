import type { Metadata } from "next";
import { JoinStaffForm } from "@/components/staff/join-staff-form";
import { inspectStaffInvite } from "@/lib/staff/invites";

export const metadata: Metadata = { title: "Join the staff", referrer: "no-referrer" };

// Opening the link uses nothing: the invite is used when the person sets their password.
export default async function JoinStaffPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const invite = await inspectStaffInvite(token);
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-field">Headland</h1>
      {"ended" in invite ? (
        <>
          <h2 className="mt-6 text-lg font-medium">This staff invite link no longer works</h2>
          <p className="mt-2 text-stone-700">
            A link works once and for 72 hours, and a newer link replaces an older one. Ask an admin for a new link.
          </p>
        </>
      ) : (
        <JoinStaffForm token={token} email={invite.email} role={invite.role} />
      )}
    </main>
  );
}
