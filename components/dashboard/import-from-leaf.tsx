"use client";

import { count } from "./format";
import { PostAndRefresh } from "./post-and-refresh";

function importedSentence(body: Record<string, unknown>): string {
  const added = Number(body.added);
  const already = Number(body.seen) - added;
  return (
    `${count(added)} new ${added === 1 ? "grower" : "growers"} imported; ${count(already)} were already here. ` +
    "Their statuses fill in as Headland checks them."
  );
}

/** Brings growers who already exist in Leaf onto the dashboard; running it again adds only new ones. */
export function ImportFromLeaf() {
  return (
    <PostAndRefresh
      url="/api/growers/import"
      label="Import from Leaf"
      busyLabel="Importing…"
      failure="The import didn't work. Try again in a minute."
      outcome={importedSentence}
    />
  );
}
