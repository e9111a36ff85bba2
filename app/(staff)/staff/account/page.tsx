import type { Metadata } from "next";
import { SiteHeader } from "@/components/site-header";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { requireStaff } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Your account" };

export default async function StaffAccountPage() {
  const viewer = await requireStaff();
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-md space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-stone-700">
          Signed in as {viewer.email} ({viewer.staffRole === "admin" ? "admin" : "member"}).
        </p>
        <ChangePasswordForm />
      </main>
    </>
  );
}
