"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { inviteUseLimits } from "@/lib/auth/invite-limits";
import { CopyField } from "./copy-field";
import { useApiAction } from "./use-api-action";

/** Staff add a grower: Headland creates the Leaf user and hands back an invite link. */
export function AddGrower() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useApiAction();
  const [added, setAdded] = useState<{ name: string; inviteUrl: string }>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = await run("/api/growers", {
      method: "POST",
      json: { name: form.get("name"), email: form.get("email") },
    });
    if (!outcome.ok) return;
    setAdded({ name: String(outcome.body.name), inviteUrl: String(outcome.body.inviteUrl) });
    setOpen(false);
    router.refresh();
  }

  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4">
      {!open && (
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            setAdded(undefined);
          }}
          className="rounded-lg bg-field px-4 py-2 font-medium text-white"
        >
          Add grower
        </button>
      )}
      {open && (
        <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <label className="block">
            <span className="text-sm font-medium">Name</span>
            <input
              name="name"
              required
              maxLength={200}
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
          </label>
          <label className="block">
            <span className="text-sm font-medium">Email</span>
            <input
              name="email"
              type="email"
              required
              maxLength={320}
              className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
            />
          </label>
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={busy}
              className="rounded-lg bg-field px-4 py-2 font-medium text-white disabled:opacity-60"
            >
              {busy ? "Adding…" : "Add"}
            </button>
            <button type="button" onClick={() => setOpen(false)} className="rounded-lg px-3 py-2 text-stone-700">
              Cancel
            </button>
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              {error}
            </p>
          )}
        </form>
      )}
      {added && (
        <div className="mt-4 space-y-2">
          <p className="text-sm text-stone-700">
            {added.name} was added. Send them this link; it signs them in up to {inviteUseLimits.default} times within 7
            days.
          </p>
          <CopyField label="Invite link" value={added.inviteUrl} buttonLabel="Copy invite link" />
        </div>
      )}
    </div>
  );
}
