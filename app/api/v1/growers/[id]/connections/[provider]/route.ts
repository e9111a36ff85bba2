// DELETE /api/v1/growers/{id}/connections/{provider}: disconnect; deletes the credential at Leaf. 204 also
// when there was nothing to disconnect, so a retry is safe.
import { findGrowerRow, unknownGrower } from "@/lib/api/growers";
import { problem } from "@/lib/api/problem";
import { apiOperation } from "@/lib/api/route";
import { disconnect } from "@/lib/growers/disconnect";
import { findProvider, providers } from "@/lib/providers";

type Params = { id: string; provider: string };

export const DELETE = apiOperation<Params>("DELETE /growers/{id}/connections/{provider}", "write", async (call) => {
  const provider = findProvider(call.params.provider);
  if (!provider) return problem("not_found", `Unknown provider. Use one of: ${providers.map((p) => p.id).join(", ")}.`);
  if (!(await findGrowerRow(call.params.id))) return unknownGrower();
  await disconnect(call.params.id, provider, `api:${call.key.name}`);
  return new Response(null, { status: 204 });
});
