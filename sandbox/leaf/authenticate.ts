import { z } from "zod";
import { sandboxLeafAccount } from "@/lib/sandbox-defaults";
import { json } from "../http";
import { sameSecret } from "../secrets";
import { parseOrHalt, readJson, unauthorized } from "./problem";
import { leafRoute } from "./route";

const credentials = z.object({ username: z.string(), password: z.string(), rememberMe: z.boolean().optional() });

// POST /api/authenticate — the only Leaf route without a bearer token.
export const authenticateRoute = leafRoute(
  "POST",
  "/api/authenticate",
  async (req, sandbox) => {
    const body = parseOrHalt(credentials, await readJson(req));
    const valid =
      sameSecret(body.username, sandboxLeafAccount.username) && sameSecret(body.password, sandboxLeafAccount.password);
    if (!valid) return unauthorized("Bad credentials");
    return json(200, {
      id_token: sandbox.state.leaf.sessions.issue(body.username, body.rememberMe ?? false, sandbox.keys.leafHmac),
    });
  },
  "public",
);
