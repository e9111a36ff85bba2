import "server-only";
import type { z } from "zod";
import { addGrower } from "@/lib/growers/add-grower";
import { findGrowerByExternalId, growerBodies, inviteBody } from "./growers";
import { problem } from "./problem";
import type { createGrowerRequest } from "./schemas";

const day = 24 * 3600_000;

/** A Postgres unique violation: another request took the external id between our check and our insert. */
const isUniqueViolation = (error: unknown): boolean => {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (cause?.code ?? (error as { code?: string })?.code) === "23505";
};

/** Creates the Leaf user, the grower and the first invite link: 201 with the grower, or a problem. */
export async function createGrower(input: z.output<typeof createGrowerRequest>, actor: string): Promise<Response> {
  const { name, email, externalId, invite, locale } = input;
  const taken = () =>
    problem("conflict", `A grower with externalId "${externalId}" already exists. Read it with GET /growers.`);
  if (externalId && (await findGrowerByExternalId(externalId))) return taken();
  try {
    const created = await addGrower({ name, email, externalId, locale }, actor, {
      maxUses: invite?.maxUses,
      lifetimeMs: invite ? invite.expiresInDays * day : undefined,
    });
    const [body] = await growerBodies([created.grower]);
    return Response.json(
      { ...body!, invite: inviteBody(created.invite) },
      { status: 201, headers: { location: `/api/v1/growers/${encodeURIComponent(created.grower.leafUserId)}` } },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}
