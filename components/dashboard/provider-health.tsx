import { getTranslations } from "next-intl/server";
import { type HealthVerdict, type ProviderHealthFigures, percent, verdictOf } from "@/lib/health/verdict";

const marks: Record<HealthVerdict, string> = {
  quiet: "bg-green-600",
  normal: "bg-green-600",
  isolated: "bg-amber-500",
  outage: "bg-red-700",
};

/**
 * One line per provider: the share of its connections that broke in the last 24 hours against a normal
 * day, and what that likely means (a provider outage, or growers' own accounts).
 */
export async function ProviderHealthPanel({ figures }: { figures: ProviderHealthFigures[] }) {
  const t = await getTranslations("dashboard.health");
  return (
    <section aria-labelledby="health-title" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="health-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <ul className="mt-3 space-y-2 text-sm">
        {figures.map((f) => {
          const verdict = verdictOf(f);
          return (
            <li key={f.provider} className="flex items-start gap-2" data-verdict={verdict}>
              <span aria-hidden className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${marks[verdict]}`} />
              <span>
                <span className={verdict === "outage" ? "font-semibold text-red-800" : undefined}>
                  {t(verdict, {
                    provider: f.name,
                    today: percent(f.shareToday),
                    norm: percent(f.normalShare),
                    broke: f.brokeToday,
                  })}
                </span>{" "}
                <span className="text-stone-600">
                  ({t("counts", { broke: f.brokeToday, connections: f.connections })})
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
