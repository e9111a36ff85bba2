import type { Metadata } from "next";
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
        <InviteStaff />
        <table className="w-full rounded-xl border border-stone-200 bg-white text-left text-sm">
          <caption className="sr-only">Staff members</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th className="px-3 py-2 font-medium">Email</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Signs in with</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} className="border-b border-stone-100 last:border-0">
                <td className="px-3 py-2">
                  {member.email}
                  {member.email === viewer.email && <span className="text-stone-500"> (you)</span>}
                </td>
                <td className="px-3 py-2">{roleWords[member.role]}</td>
                <td className="px-3 py-2">{member.hasPassword ? "Password" : "Single sign-on only"}</td>
                <td className="px-3 py-2">
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
