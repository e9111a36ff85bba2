import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { verifySignature } from "../lib/webhooks/signature";
import { providerCase } from "./helpers";
import { sandboxControl, staffApi } from "./support/api";
import { type CrashableStack, startStack } from "./support/stack";

// A stack of its own with webhook retries in milliseconds (100 ms doubling to 400 ms), and a receiver on
// a loopback port of this spec's range that records every request and refuses the first N of a path.
const receiverPort = Number(process.env.E2E_RECEIVER_PORT ?? 5220);
const receiverUrl = `http://127.0.0.1:${receiverPort}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  answered: number;
}
const received: Received[] = [];
const refusalsLeft = new Map<string, number>();
let receiver: Server;
let stack: CrashableStack;
let staff: APIRequestContext;
const secrets = new Map<string, string>();

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // A private stack starts in seconds on an idle machine, in minutes on a busy CI runner.
  test.setTimeout(180_000);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const refusals = refusalsLeft.get(path) ?? 0;
      const answered = refusals > 0 ? 500 : 204;
      if (refusals > 0) refusalsLeft.set(path, refusals - 1);
      received.push({ path, headers: request.headers, raw: Buffer.concat(chunks).toString("utf8"), answered });
      response.writeHead(answered).end(answered === 500 ? "receiver is down" : undefined);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(receiverPort, "127.0.0.1", resolve));
  stack = await startStack({
    HEADLAND_WEBHOOK_INTERVAL_MS: "200",
    HEADLAND_WEBHOOK_BASE_MS: "100",
    HEADLAND_WEBHOOK_CAP_MS: "400",
    HEADLAND_WEBHOOK_TIMEOUT_MS: "2000",
  });
  staff = await staffApi(stack);
});
test.afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const trimble = providerCase("trimble");
let seeded = 0;

/** A Leaf user with a working Trimble credential, imported and checked: its `connection.connected` goes out. */
async function connectedGrower(): Promise<{ name: string; leafUserId: string }> {
  const name = `Hooked ${Date.now()}-${++seeded}`;
  const { ids } = await sandboxControl(stack, "POST", "leaf/seed", {
    users: [{ name, email: `hooked.${Date.now()}.${seeded}@farm.test`, credentials: { [trimble.id]: "OK" } }],
  });
  const leafUserId = ids[0] as string;
  expect((await staff.post("/api/growers/import")).ok()).toBe(true);
  expect((await staff.post(`/api/growers/${leafUserId}/check`)).ok()).toBe(true);
  return { name, leafUserId };
}

/** Leaf loses the credential (revoked at the provider); Headland's check notices, as the sweep would. */
async function breakConnection(leafUserId: string): Promise<void> {
  await sandboxControl(stack, "POST", `leaf/users/${leafUserId}/${trimble.leaf.path}/revoke`);
  expect((await staff.post(`/api/growers/${leafUserId}/check`)).ok()).toBe(true);
}

const parsed = (r: Received) => JSON.parse(r.raw);
const arrivals = (path: string, leafUserId: string, type: string) =>
  received.filter((r) => r.path === path && parsed(r).data.grower.leafUserId === leafUserId && parsed(r).type === type);

async function signInAsStaff(page: Page): Promise<void> {
  await page.goto(`${stack.appUrl}/signin`);
  await page.getByLabel("Email").fill("staff@headland.test");
  await page.getByLabel("Password").fill("headland");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Registers an endpoint on the staff page, with only the given event types ticked; returns its secret. */
async function registerEndpoint(page: Page, path: string, types?: string[]): Promise<string> {
  await page.goto(`${stack.appUrl}/staff`);
  await page.getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/webhooks$/);
  await page.getByLabel("Receiver URL").fill(`${receiverUrl}${path}`);
  if (types) {
    for (const box of await page.getByRole("checkbox").all()) {
      const value = (await box.getAttribute("value")) ?? "";
      await (types.includes(value) ? box.check() : box.uncheck());
    }
  }
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[\w-]{43}$/);
  // From now on the page shows only its last four characters.
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `${receiverUrl}${path}` }) });
  await expect(row.getByText(`••••${secret.slice(-4)}`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  secrets.set(path, secret);
  return secret;
}

function expectSigned(arrival: Received, secret: string): void {
  const verdict = verifySignature(secret, arrival.raw, arrival.headers["headland-signature"] as string);
  expect(verdict, `signature of ${arrival.raw}`).toMatchObject({ ok: true });
  expect(arrival.headers["headland-event-id"]).toBe(String(parsed(arrival).id));
  expect(verifySignature(`${secret}x`, arrival.raw, arrival.headers["headland-signature"] as string).ok).toBe(false);
}

test("a broken connection reaches the registered receiver once, signed", async ({ page }) => {
  await signInAsStaff(page);
  const secret = await registerEndpoint(page, "/hook");
  const { name, leafUserId } = await connectedGrower();
  await expect.poll(() => arrivals("/hook", leafUserId, "connection.connected").length).toBe(1);

  await breakConnection(leafUserId);
  await expect.poll(() => arrivals("/hook", leafUserId, "connection.broken").length, { timeout: 15_000 }).toBe(1);
  // Time for a duplicate to show up, were there one (the worker polls every 200 ms).
  await page.waitForTimeout(2_000);
  const [broken] = arrivals("/hook", leafUserId, "connection.broken");
  expect(arrivals("/hook", leafUserId, "connection.broken")).toHaveLength(1);
  expectSigned(broken!, secret);
  expect(parsed(broken!)).toMatchObject({
    type: "connection.broken",
    data: {
      grower: { leafUserId, name },
      provider: trimble.id,
      status: "reauth",
      statusLabel: "Needs reconnect",
      previousStatus: "ok",
    },
  });
  expect(parsed(broken!).data.reason).toEqual(expect.any(String));
  // In order: the grower's connection was announced before its break.
  const order = received.filter((r) => r.path === "/hook" && parsed(r).data.grower.leafUserId === leafUserId);
  expect(order.map((r) => parsed(r).type)).toEqual(["connection.connected", "connection.broken"]);
});

test("a receiver that fails five times still gets the event, and staff can send it again", async ({ page }) => {
  await signInAsStaff(page);
  const secret = await registerEndpoint(page, "/flaky", ["connection.broken"]);
  refusalsLeft.set("/flaky", 5);
  const { leafUserId } = await connectedGrower();
  await breakConnection(leafUserId);

  await expect.poll(() => arrivals("/flaky", leafUserId, "connection.broken").length, { timeout: 20_000 }).toBe(6);
  const tries = arrivals("/flaky", leafUserId, "connection.broken");
  expect(tries.map((t) => t.answered)).toEqual([500, 500, 500, 500, 500, 204]);
  expect(new Set(tries.map((t) => t.headers["headland-event-id"])).size).toBe(1);
  for (const attempt of tries) expectSigned(attempt, secret);
  // It subscribed to breaks only.
  expect(received.filter((r) => r.path === "/flaky" && parsed(r).type !== "connection.broken")).toEqual([]);

  // The delivery log shows the story, and "Send again" sends the same event once more.
  await page.getByRole("link", { name: `${receiverUrl}/flaky` }).click();
  const row = page.getByRole("row").filter({ hasText: "connection.broken" }).first();
  await expect(row.getByRole("cell").nth(3)).toHaveText("Delivered (HTTP 204)");
  await expect(row.getByRole("cell").nth(4)).toHaveText("6");
  await expect(row.getByRole("cell").nth(6)).toHaveText("");
  // When it happened, in the reader's own zone and words (a <time> with the exact moment), not UTC ISO.
  const when = row.getByRole("cell").first().locator("time");
  const moment = new Date((await when.getAttribute("datetime"))!);
  expect(Date.now() - moment.getTime()).toBeLessThan(120_000);
  await expect(when).toHaveText(
    new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(moment),
  );
  await row.getByRole("button", { name: "Send again" }).click();
  await expect.poll(() => arrivals("/flaky", leafUserId, "connection.broken").length).toBe(7);
  const again = arrivals("/flaky", leafUserId, "connection.broken")[6]!;
  expect(again.headers["headland-event-id"]).toBe(tries[0]!.headers["headland-event-id"]);
  expectSigned(again, secret);
});

test("a disabled endpoint gets nothing until enabled again, a deleted one is gone; bad URLs are refused", async ({
  page,
}) => {
  const refused = async (url: string) => {
    const response = await staff.post("/api/staff/webhooks", { data: { url, eventTypes: ["connection.broken"] } });
    expect(response.status()).toBe(400);
    return (await response.json()).error.message as string;
  };
  expect(await refused("crm.example.com/hooks")).toMatch(/full URL/);
  expect(await refused("http://user:secret@127.0.0.1:5220/x")).toMatch(/user name and password/);

  await signInAsStaff(page);
  await registerEndpoint(page, "/paused", ["connection.broken"]);
  const url = `${receiverUrl}/paused`;
  await page.getByRole("button", { name: `Disable ${url}` }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: url }) });
  await expect(row.getByRole("cell", { name: "Disabled" })).toBeVisible();
  const { leafUserId } = await connectedGrower();
  await breakConnection(leafUserId);
  await expect.poll(() => arrivals("/hook", leafUserId, "connection.broken").length, { timeout: 15_000 }).toBe(1);
  expect(arrivals("/paused", leafUserId, "connection.broken")).toHaveLength(0);

  // Events while it was disabled are not queued for it; those after it is enabled again arrive.
  await page.getByRole("button", { name: `Enable ${url}` }).click();
  await expect(row.getByRole("cell", { name: "Enabled" })).toBeVisible();
  const later = await connectedGrower();
  await breakConnection(later.leafUserId);
  await expect.poll(() => arrivals("/paused", later.leafUserId, "connection.broken").length).toBe(1);
  expect(arrivals("/paused", leafUserId, "connection.broken")).toHaveLength(0);
  await page.getByRole("button", { name: `Delete ${url}` }).click();
  await page.getByRole("button", { name: `Yes, delete ${url}` }).click();
  await expect(page.getByRole("rowheader", { name: url })).toHaveCount(0);
});
