import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { requireStaff } from "@/lib/auth/page-guards";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("account.title") };
}

export default async function StaffAccountPage() {
  const viewer = await requireStaff();
  const t = await getTranslations("staff.account");
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("signedInAs", { email: viewer.email, role: viewer.staffRole })}</p>
        <ClientMessages namespaces={["staff"]}>
          <ChangePasswordForm />
        </ClientMessages>
      </main>
    </>
  );
}
