import { getTranslations } from "next-intl/server";
import type { TokenLapse } from "@/lib/connections/expiry";
import { LocalTime } from "@/lib/i18n/local-time";

interface Props {
  provider: { name: string };
  lapse: TokenLapse;
  /** The provider's rule: its refresh token lapses after this many days unused. */
  lapseDays: number;
}

/** "Expires in N days" for a provider whose unused refresh token lapses (Climate's), loud once it is close. */
export async function TokenExpiry({ provider, lapse, lapseDays }: Props) {
  const t = await getTranslations("grower-detail.expiry");
  const date = () => <LocalTime value={lapse.lapsesAt} style="date" />;
  const values = { provider: provider.name, lapseDays, days: lapse.daysLeft, date };
  return (
    <p
      className={`mt-2 rounded-lg px-3 py-2 text-sm ${
        lapse.nudge ? "bg-amber-50 text-amber-900" : "bg-stone-50 text-stone-700"
      }`}
    >
      {lapse.daysLeft > 0 ? t.rich("left", values) : t.rich("today", values)}
      {lapse.nudge && <> {t("nudge", { provider: provider.name })}</>}
    </p>
  );
}
