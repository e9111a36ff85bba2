import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { InviteStaff } from "@/components/staff/invite-staff";
import { MemberActions } from "@/components/staff/member-actions";
import { requireAdmin } from "@/lib/auth/page-guards";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { listStaff } from "@/lib/staff/members";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("team.title") };
}

/** Admins manage the partner team: invite by link, change roles, remove members. */
export default async function StaffPage() {
  const viewer = await requireAdmin();
  const [members, t] = await Promise.all([listStaff(), getTranslations("staff.team")]);
  return (
    <>
      <SiteHeader viewer={viewer} />
      <ClientMessages namespaces={["staff"]}>
        <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-stone-700">{t("intro")}</p>
          <p className="text-stone-700">
            <Link href="/staff/api-keys" className="underline">
              {t("apiKeys")}
            </Link>
            {t("apiKeysAbout")}
          </p>
          <p className="text-stone-700">
            <Link href="/staff/webhooks" className="underline">
              {t("webhooks")}
            </Link>
            {t("webhooksAbout")}
          </p>
          <InviteStaff />
          <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm max-sm:block">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-stone-200 text-stone-600 max-sm:sr-only">
              <tr>
                <th className="px-3 py-2 font-medium">{t("email")}</th>
                <th className="px-3 py-2 font-medium">{t("role")}</th>
                <th className="px-3 py-2 font-medium">{t("signsInWith")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {members.map((member) => (
                <tr key={member.id} className="border-b border-stone-100 last:border-0 max-sm:block max-sm:py-2">
                  <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                    {member.email}
                    {member.email === viewer.email && <span className="text-stone-500">{t("you")}</span>}
                  </td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                    {t(`roles.${member.role}`)}
                  </td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                    {member.hasPassword ? t("password") : t("ssoOnly")}
                  </td>
                  <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                    <MemberActions member={member} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      </ClientMessages>
    </>
  );
}
