import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { inParallel } from "../../lib/testing/in-parallel";
import { providerCase, providerCases } from "../helpers";
import {
  consentCallback,
  issuedSecrets,
  leafCredential,
  newGrower,
  refreshTokenPattern,
  relative,
  sandboxCalls,
  staffApi,
  tokenEndpointCalls,
} from "../support/api";
import { startTappedStack, type TappedStack } from "../support/stack";
import { findLeaks } from "./leaks";

// 10,000 random start and callback requests on a private stack (so its token counters are ours alone).
// fast-check generates them from a fixed seed (FUZZ_SEED overrides); they are sent 24 at a time,
// since fast-check's own runner awaits one at a time, with Node's fetch and the grower's session cookie
// (a third faster than the request API's round trips through Playwright's driver). A failure prints the
// request to replay.
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 4242);
const concurrency = 24;

let stack: TappedStack;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startTappedStack();
});
test.afterAll(async () => stack?.stop());

const providerSegment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...providerCases.map((p) => p.id)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("Trimble", "trimble%00", "..%2Ftrimble", "%E0%A4%A", "john-deere%2F..", "%F0%9F%8C%BD"),
  },
  // Never empty nor "." or "..": Next answers "/api/connect/?…" with a 308 echoing the URL twice in its
  // headers, which overflows the test client (not the app) once the query is huge.
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 20 })
      .filter((s) => s !== "." && s !== "..")
      .map(encodeURIComponent),
  },
);

const paramName = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      "state",
      "code",
      "error",
      "error_description",
      "error_uri",
      "iss",
      "returnTo",
      "session_state",
      "scope",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
);

const paramValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "access_denied",
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "<script>alert(1)</script>",
      "trm_code_x",
      "null",
      "undefined",
      "[]",
      "{}",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 12_000 }).map((n) => "A".repeat(n)) },
);

// Encoded normally, or left raw with broken percent escapes, as a hostile client would send them.
const rawFragment = fc.constantFrom(
  "%",
  "%zz",
  "%00",
  "%C0%AE",
  "%E0%A4%A",
  "%FF%FE",
  "&&",
  "=",
  "==",
  "+",
  "%2B",
  "%26state%3D1",
);

const queryString = fc
  .array(
    fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(paramName, paramValue).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
      },
      { weight: 1, arbitrary: paramName.map(encodeURIComponent) },
      { weight: 1, arbitrary: rawFragment },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join("&"));

const fuzzRequest = fc.record({
  signedIn: fc.boolean(),
  path: fc
    .tuple(providerSegment, fc.boolean())
    .map(([provider, callback]) => `/api/connect/${provider}${callback ? "/callback" : ""}`),
  query: queryString,
});

test("10,000 random start and callback requests: no 5xx, no token call, and a normal flow works after", async () => {
  test.setTimeout(300_000);
  const staff = await staffApi(stack);
  const grower = await newGrower(staff, stack);
  const cookie = (await grower.api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const samples = fc.sample(fuzzRequest, { numRuns: runs, seed });
  const before = tokenEndpointCalls(await sandboxCalls(stack));
  const started = Date.now();

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const send = async (signedIn: boolean, url: string) => {
    const response = await fetch(`${stack.appUrl}${url}`, { redirect: "manual", headers: signedIn ? { cookie } : {} });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500)
      failures.push(
        `${response.status} GET ${url.slice(0, 300)} (seed ${seed}, ${signedIn ? "signed in" : "anonymous"})`,
      );
  };
  // A sliding window, not batches: a batch waited for its slowest request while the app sat idle.
  await inParallel(samples, concurrency, (s) => send(s.signedIn, `${s.path}?${s.query}`));
  const seconds = (Date.now() - started) / 1000;
  const counts = JSON.stringify(Object.fromEntries(statuses));
  const summary = `${samples.length} requests in ${seconds.toFixed(1)} s; statuses ${counts}`;
  test.info().annotations.push({ type: "fuzz", description: summary });
  console.log(`fuzz: ${summary}`);

  expect(failures).toEqual([]);
  expect(tokenEndpointCalls(await sandboxCalls(stack)), "token endpoint calls during the fuzz").toBe(before);

  // And the app still serves a normal flow.
  const trimble = providerCase("trimble");
  const callback = await consentCallback(grower.api, trimble.id);
  const done = await grower.api.get(relative(callback), { maxRedirects: 0 });
  expect(done.status()).toBe(303);
  expect(decodeURIComponent(done.headers().location!)).toContain("connected=trimble");
  expect(tokenEndpointCalls(await sandboxCalls(stack))).toBe(before + 1);
  expect((await leafCredential(stack, grower.leafUserId, trimble))?.postedBody.refreshToken).toMatch(
    refreshTokenPattern(trimble),
  );

  const { leaks } = findLeaks(stack.tapDir, await issuedSecrets(stack));
  expect(leaks).toEqual([]);
});

test("an undecodable or NUL path parameter is a plain 400 page on every dynamic route; '%25zz' is no 5xx", async () => {
  const staff = await staffApi(stack);
  const cookie = (await staff.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const dynamic = [
    "/invite/{x}",
    "/growers/{x}",
    "/api/connect/{x}",
    "/api/connect/{x}/callback",
    "/api/growers/{x}/connections",
    "/api/growers/{x}/connections/{x}",
    "/api/growers/{x}/check",
    "/api/growers/{x}/invites",
    "/api/growers/{x}/deliveries/{x}/retry",
  ];
  for (const template of dynamic) {
    for (const method of ["GET", "POST", "DELETE"]) {
      for (const broken of ["%zz", "%E0%A4%A", "%", "%00"]) {
        const url = `${stack.appUrl}${template.replaceAll("{x}", broken)}`;
        const response = await fetch(url, { method, headers: { cookie, origin: stack.appUrl }, redirect: "manual" });
        expect(response.status, `${method} ${url}`).toBe(400);
        expect(response.headers.get("content-type"), `${method} ${url}`).toMatch(/^text\/html/);
        expect(await response.text()).toContain("This address is not valid");
      }
      const decodable = `${stack.appUrl}${template.replaceAll("{x}", "%25zz")}`;
      const response = await fetch(decodable, {
        method,
        headers: { cookie, origin: stack.appUrl },
        redirect: "manual",
      });
      expect(response.status, `${method} ${decodable}`).toBeLessThan(500);
    }
  }
});

// Every route and page, by every method it answers, with random path parameters, queries and bodies up to
// 100 kB, anonymous and signed in as a grower and as staff. Each request carries a marker of markup; no
// answer but JSON may hold it raw (an HTML or text page must escape what it echoes).
const routeRuns = Number(process.env.FUZZ_ROUTE_RUNS ?? 3_000);
const X = "{x}";
const routes: { method: "GET" | "POST" | "DELETE"; path: string }[] = [
  ...["/", "/signin", "/connections", "/dashboard", `/growers/${X}`, `/invite/${X}`].map((path) => ({
    method: "GET" as const,
    path,
  })),
  ...[
    "/api/health",
    "/api/dashboard",
    `/api/growers/${X}/connections`,
    `/api/connect/${X}`,
    `/api/connect/${X}/callback`,
    `/api/auth/${X}`,
  ].map((path) => ({ method: "GET" as const, path })),
  ...[
    "/api/growers",
    "/api/growers/import",
    `/api/growers/${X}/check`,
    `/api/growers/${X}/invites`,
    `/api/growers/${X}/deliveries/${X}/retry`,
    `/api/auth/callback/${X}`,
    `/api/auth/${X}`,
  ].map((path) => ({ method: "POST" as const, path })),
  { method: "DELETE", path: `/api/growers/${X}/connections/${X}` },
];

const marker = (n: number) => `<fz${n} data-x="${n}">`;
const longValue = fc.integer({ min: 1_000, max: 100 * 1024 }).map((n) => "Z".repeat(n));
const segmentValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...providerCases.map((p) => p.id), "staff", "invite", "session", "csrf") },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("%25zz", "%zz", "%", "%E0%A4%A", "%C0%AE%C0%AE", "%00", "%FF", "..%2F..", "%252525"),
  },
  { weight: 1, arbitrary: longValue.map((v) => v.slice(0, 6_000)) },
);

const routeRequest = fc.record({
  route: fc.constantFrom(...routes),
  session: fc.constantFrom("anonymous", "grower", "staff"),
  segments: fc.array(segmentValue, { minLength: 2, maxLength: 2 }),
  ownId: fc.boolean(),
  query: queryString,
  body: fc.oneof(
    fc.constant(undefined),
    fc.dictionary(
      fc.oneof(paramName, fc.constantFrom("name", "email", "leafUserId", "token", "csrfToken", "password")),
      fc.oneof(paramValue, longValue, fc.integer(), fc.constant(null)),
    ),
    fc.string({ unit: "binary", maxLength: 200 }),
    longValue,
  ),
});

/** The body with the request's marker in it: as one more field of a JSON object, or in front of raw text. */
function bodyWith(body: string | Record<string, unknown> | undefined, mark: string): string {
  if (typeof body === "object") return JSON.stringify({ ...body, name: `${body.name ?? ""}${mark}`, fz: mark });
  return `${mark}${body ?? ""}`;
}

test("every route and page, fuzzed with values up to 100 kB: no 5xx, and no input reflected unescaped", async () => {
  test.setTimeout(300_000);
  const staff = await staffApi(stack);
  const grower = await newGrower(staff, stack);
  const cookieOf = async (api: typeof staff) =>
    (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const cookies = { anonymous: "", grower: await cookieOf(grower.api), staff: await cookieOf(staff) };
  const samples = fc.sample(routeRequest, { numRuns: routeRuns, seed });
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const started = Date.now();

  const send = async (sample: (typeof samples)[number], n: number) => {
    const [first, second] = sample.ownId ? [grower.leafUserId, sample.segments[1]!] : sample.segments;
    const path = sample.route.path.replace(X, first!).replace(X, second!);
    const url = `${path}?${sample.query}&fz=${encodeURIComponent(marker(n))}`;
    const body = sample.route.method === "GET" ? undefined : bodyWith(sample.body, marker(n));
    const headers: Record<string, string> = { origin: stack.appUrl };
    if (cookies[sample.session]) headers.cookie = cookies[sample.session];
    if (body !== undefined) headers["content-type"] = n % 2 ? "application/json" : "application/x-www-form-urlencoded";
    const label = `${sample.route.method} ${url.slice(0, 200)} as ${sample.session} (seed ${seed}, #${n})`;
    let response: Response;
    try {
      response = await fetch(`${stack.appUrl}${url}`, {
        method: sample.route.method,
        headers,
        body,
        redirect: "manual",
      });
    } catch (error) {
      failures.push(`no answer: ${label}: ${(error as Error).message}`);
      return;
    }
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500) failures.push(`${response.status} ${label}`);
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("application/json") && text.includes(marker(n))) failures.push(`reflected raw: ${label}`);
    if ((response.headers.get("location") ?? "").includes("<")) failures.push(`markup in Location: ${label}`);
  };
  await inParallel(samples, 16, send);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = JSON.stringify(Object.fromEntries(statuses));
  const summary = `${samples.length} requests in ${seconds} s; statuses ${counts}`;
  test.info().annotations.push({ type: "fuzz-routes", description: summary });
  console.log(`fuzz routes: ${summary}`);
  // The first few of each route, so one noisy route cannot hide another.
  const byRoute = new Map<string, string[]>();
  for (const failure of failures) {
    const route = failure.match(/(GET|POST|DELETE) \/[^?]*/)?.[0].replace(/\/[^/]{40,}/g, "/…") ?? failure;
    byRoute.set(route, [...(byRoute.get(route) ?? []), failure]);
  }
  expect([...byRoute.values()].flatMap((list) => list.slice(0, 2))).toEqual([]);

  // The sessions still work: nothing the fuzz sent broke the app.
  expect((await grower.api.get("/connections")).status()).toBe(200);
  expect((await staff.get("/dashboard")).status()).toBe(200);
});
