import { type APIRequestContext, expect, test } from "@playwright/test";
import { newGrower, sharedAppUrl, sharedSandboxUrl, staffApi, startConsent } from "../support/api";
import { specOf } from "../support/sandbox-spec";

// The simulated Trimble names itself on every authorization response, errors too (RFC 9207).
const trimbleIss = encodeURIComponent(`${sharedSandboxUrl}${specOf("trimble").paths.issuer}`);

// returnTo is kept with the OAuth transaction and used when the flow ends; an access_denied callback
// ends it at once, so each value can be followed to where it really leads without a consent.
let grower: APIRequestContext;
test.beforeAll(async () => {
  grower = (await newGrower(await staffApi())).api;
});

async function landingFor(returnTo: string): Promise<URL> {
  const authorize = await startConsent(grower, "trimble", `?returnTo=${encodeURIComponent(returnTo)}`);
  const done = await grower.get(
    `/api/connect/trimble/callback?error=access_denied&state=${authorize.searchParams.get("state")}&iss=${trimbleIss}`,
    { maxRedirects: 0 },
  );
  expect(done.status()).toBe(303);
  return new URL(done.headers().location!);
}

const offsite = [
  "https://evil.example/",
  "http://evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "https:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\t/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "\u3002evil.example",
  `${sharedAppUrl}@evil.example`,
  "evil.example",
];

for (const returnTo of offsite) {
  test(`returnTo=${JSON.stringify(returnTo)} never leaves Headland`, async () => {
    const landing = await landingFor(returnTo);
    expect(landing.origin).toBe(sharedAppUrl);
    expect(landing.pathname.startsWith("//")).toBe(false);
  });
}

test("a same-origin returnTo path is kept", async () => {
  const landing = await landingFor("/connections?from=email");
  expect(`${landing.pathname}${landing.search}`).toBe("/connections?from=email&error=access_denied&provider=trimble");
});
