import { CopyField } from "@/components/copy-field";
import { checkedTime, shortDay } from "@/components/dashboard/format";
import type { InviteEnded, InviteSummary } from "@/lib/auth/invites";

const endedWords: Partial<Record<InviteEnded, string>> = {
  used_up: "It has been used up.",
  expired: "It has expired.",
};

/** The grower's invite link for staff: the link while it works, how often it was used and from what. */
export function InvitePanel({ invite }: { invite?: InviteSummary }) {
  if (!invite)
    return <p className="text-stone-700">This grower has no working invite link. “Send new invite” makes one.</p>;
  const times = invite.maxUses === 1 ? "time" : "times";
  return (
    <div className="space-y-3">
      {invite.url && (
        <CopyField key={invite.url} label="Invite link" value={invite.url} buttonLabel="Copy invite link" />
      )}
      <p className="text-sm text-stone-700">
        Invite link: used {invite.uses} of {invite.maxUses} {times},{" "}
        {invite.ended === "expired" ? "expired" : "expires"} {shortDay(invite.expiresAt.toISOString())}.
        {invite.ended && ` ${endedWords[invite.ended] ?? ""} “Send new invite” makes a new one.`}
      </p>
      {invite.history.length > 0 && (
        <ul aria-label="Invite link uses" className="list-inside list-disc text-sm text-stone-700">
          {invite.history.map((use, i) => (
            // Uses are listed once, oldest first, never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={i}>
              Used {checkedTime(use.at.toISOString())} from {use.client}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
