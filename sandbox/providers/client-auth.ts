import type { IncomingHttpHeaders } from "node:http";
import { json, type Reply } from "../http";
import { sameSecret } from "../secrets";
import { type ProviderSpec, registeredClient } from "./spec";

// RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64.
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

function readBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? "")?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id !== undefined && secret !== undefined ? { id, secret } : undefined;
}

/** RFC 6749 §5.2: 401 with a challenge naming the scheme the client must use. */
function invalidClient(description: string): Reply {
  return json(
    401,
    { error: "invalid_client", error_description: description },
    { "www-authenticate": 'Basic realm="sandbox"', "cache-control": "no-store" },
  );
}

/**
 * The sandbox clients are registered for client_secret_basic only, as the app's provider registry says:
 * a secret in the body is refused even when correct, so a client sending it cannot pass here and fail later.
 */
export function authenticateClient(
  spec: ProviderSpec,
  headers: IncomingHttpHeaders,
  form: URLSearchParams,
): { clientId: string } | Reply {
  if (form.has("client_secret"))
    return invalidClient("client_secret in the request body is not allowed; use HTTP Basic");
  if (!headers.authorization) return invalidClient("Client authentication (HTTP Basic) is required");
  const credentials = readBasic(headers.authorization);
  const client = registeredClient(spec, credentials?.id);
  if (!credentials || !client || !sameSecret(credentials.secret, client.clientSecret))
    return invalidClient("Client authentication failed");
  if (form.has("client_id") && form.get("client_id") !== client.clientId)
    return invalidClient("client_id does not match the authenticated client");
  return { clientId: client.clientId };
}
