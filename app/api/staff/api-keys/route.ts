// POST /api/staff/api-keys: an admin creates a partner API key {name, scope}; the key is in this answer only.
import { z } from "zod";
import { createApiKey } from "@/lib/api/keys";
import { apiKeyScopes } from "@/lib/db/schema";
import { actorOf, adminChange, apiError } from "@/lib/http/api";

const newKey = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the system that will use it.")
    .max(80, "Keep the name under 80 characters.")
    .regex(/^[\w .@-]+$/, "Use letters, digits, spaces and . _ @ - in the name."),
  scope: z.enum(apiKeyScopes, "Choose read or write."),
});

export async function POST(request: Request) {
  const viewer = await adminChange(request);
  if (viewer instanceof Response) return viewer;
  const input = newKey.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", input.error.issues[0]?.message ?? "Give a name and scope.");
  const created = await createApiKey(input.data, actorOf(viewer));
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
}
