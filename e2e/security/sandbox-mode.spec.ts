import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { providers } from "../../lib/providers/registry";
import { apiContext, newGrower, sharedAppUrl, staffApi } from "../support/api";
import { startTappedStack } from "../support/stack";

const notice = 'aria-label="Sandbox mode"';

// The shared server runs as a fresh clone does: `npm start` with nothing set, which means sandbox mode.
test("every page says sandbox mode, whoever looks at it", async ({ browser }) => {
  test.setTimeout(90_000);
  const staff = await staffApi();
  const { api: grower, leafUserId } = await newGrower(staff);
  const visits: [APIRequestContext | undefined, string][] = [
    [undefined, "/signin"],
    [undefined, "/no-such-page"],
    [undefined, "/invite/not-a-real-token"],
    [grower, "/connections"],
    [grower, "/dashboard"], // refused: the 403 page
    [staff, "/dashboard"],
    [staff, `/growers/${leafUserId}`],
  ];
  for (const [who, path] of visits) {
    const context = await browser.newContext({ storageState: who && (await who.storageState()) });
    const page = await context.newPage();
    await page.goto(`${sharedAppUrl}${path}`);
    await expect(page.getByRole("note", { name: "Sandbox mode" }), path).toBeVisible();
    if (path === "/signin") await expect(page.getByText("staff@headland.test")).toBeVisible();
    await context.close();
  }
});

test("live mode shows no sandbox notice and no demo credentials", async () => {
  test.setTimeout(150_000);
  // Live as a deployment is: every provider has its app, Leaf its URL. Nothing here is ever called but
  // Leaf (by the health check and the sweep), on a port where nothing listens.
  const apps: Record<string, string> = {};
  for (const provider of providers) {
    apps[`${provider.envPrefix}_CLIENT_ID`] = "live-app";
    apps[`${provider.envPrefix}_CLIENT_SECRET`] = "live-secret";
    for (const spec of Object.values(provider.options))
      if (spec.default === undefined) apps[`${provider.envPrefix}_${spec.env}`] = spec.values?.[0] ?? "live-value";
  }
  const stack = await startTappedStack({
    HEADLAND_MODE: "live",
    LEAF_API_URL: "http://127.0.0.1:9",
    LEAF_API_TOKEN: "live-token",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    HEADLAND_ENCRYPTION_KEY: `k1:${randomBytes(32).toString("base64url")}`,
    HEADLAND_SWEEP_INTERVAL_MS: "0",
    ...apps,
  });
  try {
    const anonymous = await apiContext(stack.appUrl);
    const signin = await (await anonymous.get("/signin")).text();
    expect(signin).toContain("Staff sign-in");
    expect(signin).not.toContain(notice);
    expect(signin).not.toContain("staff@headland.test");
    expect(await (await anonymous.get("/no-such-page")).text()).not.toContain(notice);
  } finally {
    await stack.stop();
  }
});
