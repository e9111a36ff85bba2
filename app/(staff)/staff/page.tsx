import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { InviteStaff } from "@/components/staff/invite-staff";
import { MemberActions } from "@/components/staff/member-actions";
import { requireAdmin } from "@/lib/auth/page-guards";
import { listStaff } from "@/lib/staff/members";

export const metadata: Metadata = { title: "Staff" };

const roleWords = { admin: "Admin", member: "Member" } as const;

/** Admins manage the partner team: invite by link, change roles, remove members. */
export default async function StaffPage() {
  const viewer = await requireAdmin();
  const members = await listStaff();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <h1 className="text-2xl font-semibold">Staff</h1>
        <p className="text-stone-700">
          Members work with growers and connections. Admins can also invite, change and remove staff.
        </p>
        <p className="text-stone-700">
          <Link href="/staff/api-keys" className="underline">
            API keys
          </Link>
          : let your own systems create growers and read their connections.
        </p>
        <p className="text-stone-700">
          <Link href="/staff/webhooks" className="underline">
            Webhooks
          </Link>
          : send growers&apos; connection events to your own systems.
        </p>
        <InviteStaff />
        <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm max-sm:block">
          <caption className="sr-only">Staff members</caption>
          <thead className="border-b border-stone-200 text-stone-600 max-sm:sr-only">
            <tr>
              <th className="px-3 py-2 font-medium">Email</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Signs in with</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {members.map((member) => (
              <tr key={member.id} className="border-b border-stone-100 last:border-0 max-sm:block max-sm:py-2">
                <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                  {member.email}
                  {member.email === viewer.email && <span className="text-stone-500"> (you)</span>}
                </td>
                <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                  {roleWords[member.role]}
                </td>
                <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                  {member.hasPassword ? "Password" : "Single sign-on only"}
                </td>
                <td className="px-3 py-2 [overflow-wrap:anywhere] max-sm:block max-sm:py-1">
                  <MemberActions member={member} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
