import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ viewer }: { viewer?: Viewer }) {
  const home = viewer?.role === "staff" ? "/dashboard" : viewer ? "/connections" : "/";
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href={home} className="font-semibold tracking-tight text-field">
          Headland
        </Link>
        {viewer && (
          <div className="flex items-center gap-4 text-sm text-stone-600">
            {viewer.role === "staff" && viewer.staffRole === "admin" && (
              <Link href="/staff" className="underline-offset-2 hover:underline">
                Staff
              </Link>
            )}
            {viewer.role === "staff" ? (
              <Link href="/staff/account" className="underline-offset-2 hover:underline">
                {viewer.email}
              </Link>
            ) : (
              <span>{viewer.name}</span>
            )}
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
