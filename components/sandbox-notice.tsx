import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";

/** On every page in sandbox mode, so nobody takes the simulator for the real service, or the reverse. */
export async function SandboxNotice() {
  // The running server's mode, read per request: never baked into a page at build time.
  await connection();
  if (!config().sandbox) return null;
  const t = await getTranslations("common.sandbox");
  // In a landmark of its own: everything on a page belongs to one (axe's "region" rule).
  return (
    <aside aria-label={t("label")}>
      <div role="note" aria-label={t("label")} className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
        {t.rich("notice", { strong: (chunks) => <strong>{chunks}</strong> })}
      </div>
    </aside>
  );
}
