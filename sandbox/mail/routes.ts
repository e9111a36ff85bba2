// What the catcher caught: JSON for tests, and an inbox page for a person trying the sandbox.
import type { Sandbox } from "../context";
import { Halt, html, json, noContent, type Reply } from "../http";
import { escapeHtml, layout } from "../pages";
import type { Handler, Route } from "../router";
import type { CaughtMessage } from "./catcher";

const route = (method: Route["method"], path: string, handle: Handler): Route => ({
  method,
  pattern: `/_sandbox/mail${path}`,
  handle,
});

/** The text body with its links made clickable, everything else escaped. */
function linkedText(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((piece, i) => (i % 2 ? `<a href="${escapeHtml(piece)}">${escapeHtml(piece)}</a>` : escapeHtml(piece)))
    .join("");
}

function inboxPage(messages: CaughtMessage[]): string {
  const rows = messages
    .toReversed()
    .map(
      (m) =>
        `<li><a href="/_sandbox/mail/inbox/${encodeURIComponent(m.id)}">` +
        `${escapeHtml(m.subject || "(no subject)")}</a>` +
        `<br><span class="note">to ${escapeHtml(m.to)} · ${escapeHtml(m.receivedAt)}</span></li>`,
    )
    .join("\n");
  const list = rows ? `<ul aria-label="Messages">\n${rows}\n</ul>` : "<p>No mail yet.</p>";
  return layout("Sandbox inbox", `${list}\n<p class="note">Mail the app sent to the sandbox's SMTP catcher.</p>`);
}

function messagePage(m: CaughtMessage): string {
  return layout(
    m.subject || "(no subject)",
    `<p class="note">From ${escapeHtml(m.from)}<br>To ${escapeHtml(m.to)}<br>${escapeHtml(m.receivedAt)}</p>
<pre aria-label="Text body" style="white-space:pre-wrap">${linkedText(m.text)}</pre>
<details><summary>HTML body</summary><pre style="white-space:pre-wrap">${escapeHtml(m.html)}</pre></details>
<p><a href="/_sandbox/mail/inbox">All mail</a></p>`,
  );
}

function messageOf(id: string | undefined, sandbox: Sandbox): CaughtMessage {
  const message = id ? sandbox.mailbox.find(id) : undefined;
  if (!message) throw new Halt(json(404, { error: `No message ${id}` }));
  return message;
}

export const mailRoutes = (): Route[] => [
  // ?to= narrows to one recipient, so parallel tests read only their own mail.
  route("GET", "", (req, { mailbox }): Reply => {
    const to = req.query.get("to")?.toLowerCase();
    const messages = to
      ? mailbox.messages.filter((m) => m.envelope.to.some((a) => a.toLowerCase() === to))
      : mailbox.messages;
    return json(200, { messages });
  }),
  route("DELETE", "", (_req, { mailbox }) => {
    mailbox.clear();
    return noContent();
  }),
  route("GET", "/inbox", (_req, { mailbox }) => html(200, inboxPage(mailbox.messages))),
  route("GET", "/inbox/{id}", (req, sandbox) => html(200, messagePage(messageOf(req.params.id, sandbox)))),
];
