// Just enough MIME to read what nodemailer sends: headers (RFC 5322 folding, RFC 2047 encoded words),
// multipart bodies, quoted-printable and base64. Input is the message's bytes as a latin1 string.

export interface ParsedMessage {
  headers: Map<string, string>;
  text: string;
  html: string;
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const utf8 = (latin1: string) => Buffer.from(latin1, "latin1").toString("utf8");

function quotedPrintable(value: string): string {
  return value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** RFC 2047 words, as nodemailer writes a non-ASCII display name or subject. */
export function decodeWords(value: string): string {
  return utf8(
    value
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
        kind.toUpperCase() === "B"
          ? Buffer.from(text, "base64").toString("latin1")
          : quotedPrintable(text.replace(/_/g, " ")),
      ),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case "quoted-printable":
      return utf8(quotedPrintable(body));
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return utf8(body);
  }
}

function collect(raw: string, into: { text: string; html: string }): Map<string, string> {
  const { headers, body } = splitHead(raw);
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    // The first piece is the preamble; the last begins with "--", the closing delimiter.
    for (const part of parts.slice(1)) if (!part.startsWith("--")) collect(part.replace(/^[ \t]*\r?\n/, ""), into);
  } else {
    const decoded = decodeBody(body, headers.get("content-transfer-encoding"));
    if (type.toLowerCase().startsWith("text/html")) into.html ||= decoded;
    else if (type.toLowerCase().startsWith("text/plain")) into.text ||= decoded;
  }
  return headers;
}

export function parseMessage(raw: string): ParsedMessage {
  const bodies = { text: "", html: "" };
  const headers = collect(raw, bodies);
  return { headers, ...bodies };
}
