import "server-only";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A small self-contained HTML page for refusals answered straight from a route handler (a 4xx with
 * words and a way on, never JSON or a stack trace). Every value is escaped.
 */
export function plainPage(
  status: number,
  page: { title: string; sentence: string; action?: { label: string; href: string } },
): Response {
  const action = page.action
    ? `<p><a href="${escapeHtml(page.action.href)}">${escapeHtml(page.action.label)}</a></p>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Headland</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1c1917;line-height:1.5}
h1{font-size:1.4rem}
a{display:inline-block;background:#166534;color:#fff;padding:.6rem 1rem;border-radius:.5rem;text-decoration:none}
</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.sentence)}</p>${action}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
