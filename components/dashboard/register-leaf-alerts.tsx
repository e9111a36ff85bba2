"use client";

import { PostAndRefresh } from "./post-and-refresh";

/** Admins (re-)register Headland's webhook with Leaf, e.g. after APP_URL changed; running it again changes nothing. */
export function RegisterLeafAlerts() {
  return (
    <PostAndRefresh
      url="/api/alerts/register"
      label="Register Leaf alerts"
      busyLabel="Registering…"
      failure="Leaf alerts could not be registered."
      outcome={(body) => (body.outcome === "kept" ? "Leaf alerts were already registered." : "Leaf alerts registered.")}
    />
  );
}
