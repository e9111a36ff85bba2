// GET /api/v1/openapi.json: the partner API's OpenAPI 3.1 document. Public: it describes, it grants nothing.
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

// The servers entry is built from APP_URL, which only the running instance knows.
export const dynamic = "force-dynamic";
