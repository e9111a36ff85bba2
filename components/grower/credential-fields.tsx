import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/lib/i18n/local-time";

// Leaf's own timestamps: `2026-12-02T19:40:00.000000Z` and kin.
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "clientEnvironment" -> "Client environment", for a field Leaf adds that the catalog does not name yet. */
export function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <>—</>;
  if (typeof value === "string" && isoTimestamp.test(value) && !Number.isNaN(Date.parse(value)))
    return <LocalTime value={value} />;
  return (
    <span className="break-all font-mono text-xs">{typeof value === "string" ? value : JSON.stringify(value)}</span>
  );
}

/**
 * The credential as Leaf holds it (secrets already masked on the server), under names a person reads:
 * "Refresh token", not `refreshToken`; Leaf's times in the viewer's own zone.
 */
export async function CredentialFields({ credential }: { credential: Record<string, unknown> }) {
  const t = await getTranslations("grower-detail.fields");
  const fields = Object.entries(credential).filter(([key]) => key !== "scopes");
  return (
    <dl className="mt-1 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-0.5">
      {fields.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="mt-1 text-stone-500 sm:mt-0">{t.has(key) ? t(key) : humanize(key)}</dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
