"use client";

import { translator } from "@/lib/i18n/sentence";
import { PostAndRefresh } from "./post-and-refresh";
import type { DashboardWords } from "./words";

/** Brings growers who already exist in Leaf onto the dashboard; running it again adds only new ones. */
export function ImportFromLeaf({
  words,
  locale,
}: {
  words: Pick<DashboardWords, "import" | "importDone">;
  locale: string;
}) {
  const t = translator(locale, words.import);
  return (
    <PostAndRefresh
      url="/api/growers/import"
      label={t("label")}
      busyLabel={t("busy")}
      failure={t("failure")}
      outcome={(body) => {
        const added = Number(body.added);
        return translator(locale, words)("importDone", { added, already: Number(body.seen) - added });
      }}
    />
  );
}
