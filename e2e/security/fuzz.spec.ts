import { expect, test } from "@playwright/test";
import fc from "fast-check";
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
// fast-check generates them from a fixed seed (FUZZ_SEED overrides); they are sent in concurrent batches,
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

test("10,000 random start and callback requests: no 5xx, no call to any token endpoint, and a normal flow works afterwards", async () => {
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
  for (let i = 0; i < samples.length; i += concurrency) {
    await Promise.all(samples.slice(i, i + concurrency).map((s) => send(s.signedIn, `${s.path}?${s.query}`)));
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = `${samples.length} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
  test.info().annotations.push({ type: "fuzz", description: summary });
  console.log(`fuzz: ${summary}`);

  expect(failures).toEqual([]);
  expect(tokenEndpointCalls(await sandboxCalls(stack)), "token endpoint calls during the fuzz").toBe(before);

  // And the app still serves a normal flow.
  const trimble = providerCase("trimble");
  const callback = await consentCallback(grower.api, trimble.id);
  const done = await grower.api.get(relative(callback), { maxRedirects: 0 });
  expect(done.status()).toBe(303);
  expect(done.headers().location).toContain("connected=trimble");
  expect(tokenEndpointCalls(await sandboxCalls(stack))).toBe(before + 1);
  expect((await leafCredential(stack, grower.leafUserId, trimble))?.postedBody.refreshToken).toMatch(
    refreshTokenPattern(trimble),
  );

  const { leaks } = findLeaks(stack.tapDir, await issuedSecrets(stack));
  expect(leaks).toEqual([]);
});
