"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { StaffRole } from "@/lib/db/schema";
import { useApiAction } from "../use-api-action";

/** Change one member's role or remove them; removing asks once more, since it signs them out at once. */
export function MemberActions({ member }: { member: { id: string; email: string; role: StaffRole } }) {
  const t = useTranslations("staff.team");
  const router = useRouter();
  const { busy, error, run } = useApiAction();
  const [confirming, setConfirming] = useState(false);
  const url = `/api/staff/members/${member.id}`;
  const otherRole: StaffRole = member.role === "admin" ? "member" : "admin";

  async function act(init: { method: "POST" | "DELETE"; json?: unknown }) {
    const outcome = await run(url, init);
    setConfirming(false);
    if (outcome.ok) router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <button
        type="button"
        disabled={busy}
        onClick={() => act({ method: "POST", json: { role: otherRole } })}
        className="rounded-lg border border-stone-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {t(otherRole === "admin" ? "makeAdmin" : "makeMember", { email: member.email })}
      </button>
      {confirming ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => act({ method: "DELETE" })}
          className="rounded-lg bg-red-700 px-3 py-1 text-sm text-white disabled:opacity-60"
        >
          {t("confirmRemove", { email: member.email })}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-lg border border-red-300 px-3 py-1 text-sm text-red-800"
        >
          {t("remove", { email: member.email })}
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
