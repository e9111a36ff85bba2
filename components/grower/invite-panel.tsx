import { getFormatter, getTranslations } from "next-intl/server";
import { CopyField } from "@/components/copy-field";
import type { InviteSummary } from "@/lib/auth/invites";
import { LocalTime } from "@/lib/i18n/local-time";

/** The grower's invite link for staff: the link while it works, how often it was used and from what. */
export async function InvitePanel({ invite }: { invite?: InviteSummary }) {
  const t = await getTranslations("grower-detail.invite");
  if (!invite) return <p className="text-stone-700">{t("none")}</p>;
  const format = await getFormatter();
  // A day, in the viewer's zone as far as the server knows it (the zone cookie; UTC on a first visit).
  const day = format.dateTime(invite.expiresAt, { month: "short", day: "numeric" });
  const ended = invite.ended === "used_up" ? t("usedUp") : invite.ended === "expired" ? t("expired") : undefined;
  return (
    <div className="space-y-3">
      {invite.url && (
        <CopyField
          key={invite.url}
          label={t("label")}
          value={invite.url}
          buttonLabel={t("copy")}
          copiedText={t("copied")}
        />
      )}
      <p className="text-sm text-stone-700">
        {t("summary", { uses: invite.uses, maxUses: invite.maxUses, ended: invite.ended ?? "none", day })}
        {invite.ended && ` ${ended ?? ""} ${t("makeNew")}`}
      </p>
      {invite.history.length > 0 && (
        <ul aria-label={t("usesLabel")} className="list-inside list-disc text-sm text-stone-700">
          {invite.history.map((use, i) => (
            // Uses are listed once, oldest first, never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={i}>{t.rich("use", { client: use.client, time: () => <LocalTime value={use.at} /> })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
