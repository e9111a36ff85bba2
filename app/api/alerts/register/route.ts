// POST /api/alerts/register: an admin (re-)registers Headland's webhook with Leaf, e.g. after APP_URL moved.
import { registerConfiguredWebhook } from "@/lib/alerts/register";
import { audit } from "@/lib/audit";
import { actorOf, adminChange, apiError } from "@/lib/http/api";
import { isLeafError } from "@/lib/leaf";

export async function POST(request: Request) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  try {
    const registration = await registerConfiguredWebhook();
    if (!registration)
      return apiError(409, "alerts_off", "Leaf alerts are off: set HEADLAND_LEAF_WEBHOOK_SECRET and restart.");
    await audit({
      actor: actorOf(viewer),
      action: "register_leaf_alerts",
      outcome: registration.outcome,
      detail: `webhook ${registration.webhookId ?? "?"}, ${registration.replaced} replaced`,
    });
    return Response.json(registration, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (isLeafError(error))
      return apiError(
        503,
        "leaf_unavailable",
        `Leaf did not accept the webhook: ${error.message}. Try again in a minute.`,
      );
    throw error;
  }
}
