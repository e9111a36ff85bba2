import { useTranslations } from "next-intl";
import type { StatusGroup } from "@/lib/dashboard/status-groups";
import type { HistoryPoint } from "@/lib/dashboard/types";

const width = 240;
const height = 64;
const days = 30;
const lines: { group: StatusGroup; stroke: string }[] = [
  { group: "connected", stroke: "#15803d" },
  { group: "attention", stroke: "#b91c1c" },
  { group: "not_connected", stroke: "#a8a29e" },
];

/** x for a day in the 30-day window ending today (UTC), so gaps in the history stay gaps. */
function xOf(day: string, today: number): number {
  const age = Math.round((today - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  return ((days - 1 - age) / (days - 1)) * width;
}

function ProviderChart({ name, points, today }: { name: string; points: HistoryPoint[]; today: number }) {
  const t = useTranslations("dashboard");
  const max = Math.max(1, ...points.flatMap((p) => lines.map((l) => p.counts[l.group])));
  const y = (n: number) => height - 2 - (n / max) * (height - 4);
  const latest = points.at(-1);
  const latestCounts = latest
    ? lines
        .map((l) => t("chart.count", { count: latest.counts[l.group], group: t(`groups.${l.group}`).toLowerCase() }))
        .join(", ")
    : "";
  const label = latest
    ? t("chart.label", { provider: name, day: latest.day, counts: latestCounts })
    : t("chart.empty", { provider: name });
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-3">
      <figcaption className="text-sm font-medium">{name}</figcaption>
      <svg viewBox={`-4 0 ${width + 8} ${height}`} className="mt-1 h-16 w-full" role="img" aria-label={label}>
        <line x1={0} x2={width} y1={height - 1} y2={height - 1} stroke="#e7e5e4" />
        {lines.map((l) => (
          <g key={l.group} stroke={l.stroke} fill={l.stroke}>
            {points.length > 1 && (
              <polyline
                fill="none"
                strokeWidth={1.5}
                points={points
                  .map((p) => `${xOf(p.day, today).toFixed(1)},${y(p.counts[l.group]).toFixed(1)}`)
                  .join(" ")}
              />
            )}
            {points.length === 1 && (
              <circle cx={xOf(points[0]!.day, today)} cy={y(points[0]!.counts[l.group])} r={2.5} />
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Small line charts of the daily counts the sweep keeps; drawn as plain SVG. */
export function StatusHistoryCharts({
  history,
  providers,
  today,
}: {
  history: HistoryPoint[];
  providers: { id: string; name: string }[];
  today: string;
}) {
  const t = useTranslations("dashboard");
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return (
    <div>
      <div className="grid gap-3 sm:grid-cols-3">
        {providers.map((p) => (
          <ProviderChart key={p.id} name={p.name} points={history.filter((h) => h.provider === p.id)} today={todayMs} />
        ))}
      </div>
      <p className="mt-1 flex gap-4 text-xs text-stone-600">
        {lines.map((l) => (
          <span key={l.group} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-0.5 w-3" style={{ background: l.stroke }} />
            {t(`groups.${l.group}`)}
          </span>
        ))}
        <span>{t("chart.legendNote")}</span>
      </p>
    </div>
  );
}
