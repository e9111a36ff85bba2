import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinStaffForm } from "@/components/staff/join-staff-form";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { inspectStaffInvite } from "@/lib/staff/invites";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("join.title"), referrer: "no-referrer" };
}

// Opening the link uses nothing: the invite is used when the person sets their password.
export default async function JoinStaffPage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const [invite, t] = await Promise.all([inspectStaffInvite(token), getTranslations("staff.join")]);
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold text-field">Headland</h1>
      {"ended" in invite ? (
        <>
          <h2 className="mt-6 text-lg font-medium">{t("ended")}</h2>
          <p className="mt-2 text-stone-700">{t("endedBody")}</p>
        </>
      ) : (
        <ClientMessages namespaces={["staff"]}>
          <JoinStaffForm token={token} email={invite.email} role={invite.role} />
        </ClientMessages>
      )}
    </main>
  );
}
