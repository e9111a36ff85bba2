// Plain HTML for the few pages a person sees. Every value that came from a request goes through escapeHtml.

const replacements: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => replacements[c]!);
}

const style = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f0;color:#1d2a1d}
main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.35rem;margin-top:0}
code{background:#eef;padding:0 .2rem;border-radius:3px}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button{font:inherit;padding:.55rem 1.2rem;border-radius:6px;border:1px solid #2d5a27;cursor:pointer}
button.primary{background:#2d5a27;color:#fff}
button:focus-visible,input:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
fieldset{border:1px solid #ccd;border-radius:6px}
label{display:block;padding:.25rem 0}
.note{color:#555;font-size:.9rem}`;

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

function hiddenFields(fields: Iterable<[string, string]>): string {
  return [...fields]
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
}

export interface ConsentPage {
  providerName: string;
  clientId: string;
  scopes: string[];
  action: string;
  /** The original authorize parameters, posted back with the decision. */
  fields: Iterable<[string, string]>;
}

export function consentPage(page: ConsentPage): string {
  const scopes = page.scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(", ");
  return layout(
    `Sign in to ${page.providerName} (sandbox)`,
    `<p><strong>${escapeHtml(page.clientId)}</strong> asks for access to your ${escapeHtml(page.providerName)}
account: ${scopes}.</p>
<form method="post" action="${escapeHtml(page.action)}">
${hiddenFields(page.fields)}
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
<p class="note">A simulated provider: no account or password is needed.</p>`,
  );
}

export interface OrganizationsPage {
  action: string;
  organizations: { id: string; name: string; selected: boolean }[];
  fields: Iterable<[string, string]>;
}

export function organizationsPage(page: OrganizationsPage): string {
  const boxes = page.organizations
    .map(({ id, name, selected }) => {
      const inputId = `org-${escapeHtml(id)}`;
      const checked = selected ? " checked" : "";
      const box = `<input type="checkbox" id="${inputId}" name="organization" value="${escapeHtml(id)}"${checked}>`;
      return `<label for="${inputId}">${box} ${escapeHtml(name)}</label>`;
    })
    .join("\n");
  return layout(
    "Select organizations (sandbox)",
    `<form method="post" action="${escapeHtml(page.action)}">
${hiddenFields(page.fields)}
<fieldset><legend>Organizations this application may see</legend>
${boxes}
</fieldset>
<div class="actions"><button class="primary" type="submit">Done</button></div>
</form>`,
  );
}

/** An error shown instead of redirecting, when the redirect target itself cannot be trusted (RFC 6749 §4.1.2.1). */
export function errorPage(title: string, message: string): string {
  return layout(title, `<p role="alert">${escapeHtml(message)}</p>`);
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p>`);
}
