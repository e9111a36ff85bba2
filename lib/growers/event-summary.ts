import { maskSecrets } from "@/lib/leaf/mask";

const maxLength = 160;

function shorten(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/**
 * One readable line for a Leaf event body: the OAuth error and its description, or the message, or the
 * JSON itself with any secret masked. Leaf logs provider answers here, so never trust it to be clean.
 */
export function summarizeEventBody(body: string | null | undefined): string {
  if (!body?.trim()) return "(no body)";
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return shorten(String(maskSecrets(body.trim())));
  }
  const masked = maskSecrets(value);
  if (masked && typeof masked === "object" && !Array.isArray(masked)) {
    const fields = masked as Record<string, unknown>;
    const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
    const error = text("error");
    const description = text("error_description") ?? text("message") ?? text("detail") ?? text("title");
    if (error) return shorten(description ? `${error}: ${description}` : error);
    if (description) return shorten(description);
  }
  return shorten(JSON.stringify(masked));
}
