import "server-only";

export type SendResult = { ok: boolean; statusCode?: number; error?: string };

/** Enough of a receiver's answer to show staff why it refused; the rest is never read. */
const maxBodyBytes = 1024;

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBodyBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, maxBodyBytes).toString("utf8");
}

/**
 * POSTs one signed body. Any 2xx is delivered. A redirect is not followed (it could carry the signed body
 * somewhere the admin never registered) and counts as a failure, as does a timeout.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Headland-Webhooks/1", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await readCapped(response)).replace(/\s+/g, " ").trim().slice(0, 200);
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
    const error =
      response.status >= 300 && response.status < 400
        ? `redirected (HTTP ${response.status}); Headland does not follow redirects`
        : `HTTP ${response.status}${text ? `: ${text}` : ""}`;
    return { ok: false, statusCode: response.status, error };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError")
      return { ok: false, error: `no answer within ${timeoutMs / 1000} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, error: `could not connect: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
  }
}
