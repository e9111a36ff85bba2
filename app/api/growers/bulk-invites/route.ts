// GET /api/growers/bulk-invites?needsReconnect={provider}&q=: the growers whose connection to that provider
// needs reconnecting (among those the search matches), for the dashboard's one-control selection.
// POST /api/growers/bulk-invites {leafUserIds, email, locale?}: a new invite link for each (their old links stop
// working), answered as a CSV (name, email, link, emailed) that is never cached: the links are the growers'
// secrets. Counts ride in x-invites-* headers for the page's sentence.
import { z } from "zod";
import { locales } from "@/i18n/locales";
import { bulkInvite, bulkInviteLimit, growersNeedingReconnect, invitesCsv } from "@/lib/growers/bulk-invite";
import { actorOf, apiError, staffChange, staffViewer } from "@/lib/http/api";
import { findProvider } from "@/lib/providers";

export async function GET(request: Request) {
  const viewer = await staffViewer();
  if (viewer instanceof Response) return viewer;
  const params = new URL(request.url).searchParams;
  const provider = findProvider(params.get("needsReconnect") ?? "");
  if (!provider)
    return apiError(400, "unknown_provider", "Choose a provider to select its growers who need to reconnect.");
  const found = await growersNeedingReconnect(provider.id, (params.get("q") ?? "").slice(0, 100));
  return Response.json(
    { growers: found.slice(0, bulkInviteLimit), truncated: found.length > bulkInviteLimit },
    { headers: { "cache-control": "no-store" } },
  );
}

const bulkRequest = z.object({
  leafUserIds: z.array(z.string().min(1).max(200)).min(1).max(bulkInviteLimit),
  email: z.boolean().default(false),
  // The language to write these growers' invites in from now on; without it, each keeps their own.
  locale: z.enum(locales).optional(),
});

export async function POST(request: Request) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  const input = bulkRequest.safeParse(await request.json().catch(() => undefined));
  if (!input.success)
    return apiError(
      400,
      "invalid_input",
      `Select between 1 and ${bulkInviteLimit} growers to send new invite links to.`,
    );
  const { leafUserIds, email, locale } = input.data;
  const result = await bulkInvite(leafUserIds, actorOf(viewer), email, locale);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(invitesCsv(result.lines), {
    status: 201,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="headland-invites-${day}.csv"`,
      "cache-control": "no-store",
      "x-invites-issued": String(result.lines.length),
      "x-invites-emailed": String(result.emailed),
      "x-invites-not-emailed": String(result.notEmailed),
      "x-invites-unknown": String(result.unknown),
    },
  });
}
