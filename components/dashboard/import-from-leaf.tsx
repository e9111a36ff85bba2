"use client";

import { useTranslations } from "next-intl";
import { PostAndRefresh } from "./post-and-refresh";

/** Brings growers who already exist in Leaf onto the dashboard; running it again adds only new ones. */
export function ImportFromLeaf() {
  const t = useTranslations("dashboard");
  return (
    <PostAndRefresh
      url="/api/growers/import"
      label={t("import.label")}
      busyLabel={t("import.busy")}
      failure={t("import.failure")}
      outcome={(body) => {
        const added = Number(body.added);
        return t("importDone", { added, already: Number(body.seen) - added });
      }}
    />
  );
}
