import "server-only";
import { staffRoleOf } from "@/lib/auth/staff";
import { canActFor, currentViewer, type Viewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";

/** A JSON error a person can act on; never a stack trace. */
export function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/** State-changing requests must come from our own pages (CSRF): a foreign or missing Origin is refused. */
export function foreignOrigin(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (origin && origin === new URL(config().appUrl).origin) return undefined;
  if (!origin && request.headers.get("sec-fetch-site") === "same-origin") return undefined;
  return apiError(403, "foreign_origin", "This request did not come from Headland's own pages.");
}

/** The viewer, if they may act for this grower; otherwise the response to send. */
export async function viewerFor(leafUserId: string): Promise<Viewer | Response> {
  const viewer = await currentViewer();
  if (!viewer) return apiError(401, "signed_out", "Sign in first.");
  if (!canActFor(viewer, leafUserId))
    return apiError(403, "forbidden", "You can only see and change your own connections.");
  return viewer;
}

export async function staffViewer(): Promise<Viewer | Response> {
  const viewer = await currentViewer();
  if (!viewer) return apiError(401, "signed_out", "Sign in first.");
  if (viewer.role !== "staff") return apiError(403, "forbidden", "Only partner staff can do this.");
  return viewer;
}

/** A state-changing request only staff may make: it must come from our own pages (CSRF), then from staff. */
export async function staffChange(request: Request): Promise<Viewer | Response> {
  return foreignOrigin(request) ?? staffViewer();
}

type StaffViewer = Extract<Viewer, { role: "staff" }>;

/**
 * A change to the staff team: from our own pages, by an admin. The token's role is checked against the
 * staff row as well, which costs a query only on these rare requests.
 */
export async function adminChange(request: Request): Promise<StaffViewer | Response> {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  if (viewer.role !== "staff" || viewer.staffRole !== "admin" || (await staffRoleOf(viewer.email)) !== "admin")
    return apiError(403, "forbidden", "Only an admin can change the staff team.");
  return viewer;
}

export function actorOf(viewer: Viewer): string {
  return viewer.role === "staff" ? `staff:${viewer.email}` : `grower:${viewer.leafUserId}`;
}
