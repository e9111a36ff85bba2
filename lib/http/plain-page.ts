import "server-only";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface PlainPageSteps {
  /** The list's name, e.g. "Connecting John Deere". */
  label: string;
  items: { label: string; state: "done" | "current" | "failed" | "todo" }[];
  /** Said after the step where the flow stopped. */
  failed: string;
}

export interface PlainPage {
  title: string;
  sentence: string;
  action?: { label: string; href: string };
  /** Where a connect flow stopped, as on /connections. */
  steps?: PlainPageSteps;
  /** The page's language (the reader's locale); English when unknown. */
  lang?: string;
}

// The app's own look (Tailwind's --font-sans stack, stone and field green), restated here because these
// pages are answered straight from a route handler, before and without the app's stylesheet.
const style = `*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#fafaf9;color:#1c1917;line-height:1.5;-webkit-font-smoothing:antialiased;
font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif,
"Apple Color Emoji","Segoe UI Emoji","Segoe UI Symbol","Noto Color Emoji"}
header{border-bottom:1px solid #e7e5e4;background:#fff}
header div{max-width:64rem;margin:0 auto;padding:.75rem 1rem}
header a{font-weight:600;letter-spacing:-.025em;color:#166534;text-decoration:none}
main{max-width:48rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem;line-height:2rem;font-weight:600;margin:0;overflow-wrap:anywhere}
section{margin-top:1.5rem;border:1px solid #e7e5e4;border-radius:.75rem;background:#fff;padding:1.25rem}
p{margin:0;color:#57534e}
ol{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none;font-size:.875rem}
li{display:flex;align-items:center;gap:.375rem;color:#78716c}
li[aria-current],li.done{color:#1c1917}li[aria-current]{font-weight:500}
li span{display:inline-flex;width:1.25rem;height:1.25rem;align-items:center;justify-content:center;border-radius:9999px;
font-size:.75rem;background:#e7e5e4;color:#44403c}
li.done span{background:#166534;color:#fff}li.current span{background:#0369a1;color:#fff}
li.failed span{background:#b91c1c;color:#fff}li em{font-style:normal;color:#991b1b}
.action{display:inline-block;margin-top:1rem;background:#166534;color:#fff;padding:.5rem 1rem;border-radius:.5rem;
font-weight:500;text-decoration:none}`;

function stepsHtml(steps: PlainPageSteps): string {
  const items = steps.items.map((item, i) => {
    const marked = item.state === "current" || item.state === "failed";
    // The last step is "Done": a check once reached, unnumbered before, as on /connections.
    const last = i === steps.items.length - 1;
    const mark = item.state === "done" ? "✓" : item.state === "failed" ? "!" : last ? "" : String(i + 1);
    const stopped = item.state === "failed" ? ` <em>(${escapeHtml(steps.failed)})</em>` : "";
    const current = marked ? ' aria-current="step"' : "";
    const label = `${escapeHtml(item.label)}${stopped}`;
    return `<li class="${item.state}"${current}><span aria-hidden="true">${mark}</span>${label}</li>`;
  });
  return `<ol aria-label="${escapeHtml(steps.label)}">${items.join("")}</ol>`;
}

/**
 * A small self-contained HTML page for refusals answered straight from a route handler (a 4xx with
 * words and a way on, never JSON or a stack trace), dressed like the app: its header, font and colors.
 * Every value is escaped.
 */
export function plainPage(status: number, page: PlainPage): Response {
  const action = page.action
    ? `<a class="action" href="${escapeHtml(page.action.href)}">${escapeHtml(page.action.label)}</a>`
    : "";
  const html = `<!doctype html><html lang="${escapeHtml(page.lang ?? "en")}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Headland</title>
<style>${style}</style></head>
<body><header><div><a href="/">Headland</a></div></header>
<main><h1>${escapeHtml(page.title)}</h1>
<section>${page.steps ? stepsHtml(page.steps) : ""}<p>${escapeHtml(page.sentence)}</p>${action}</section></main>
</body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
