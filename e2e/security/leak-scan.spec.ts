import { expect, test } from "@playwright/test";
import { issuedSecrets, sharedStack } from "../support/api";
import { findLeaks, secretsIn } from "./leaks";

// Runs after every other test of the run (the setup project's teardown): the wiretap in front of the
// shared server has kept every response it sent and every line it logged.
test("no page, JSON, redirect, cookie or log line of the run holds a token or secret the sandbox issued", async () => {
  const secrets = await issuedSecrets(sharedStack);
  const { leaks, responses, bodies, logLines } = findLeaks(process.env.E2E_TAP_DIR!, secrets);
  const summary = `${responses} responses, ${bodies} distinct bodies, ${logLines} log lines, ${secrets.length} secrets`;
  test.info().annotations.push({ type: "scanned", description: summary });
  console.log(`leak scan: ${summary}, ${leaks.length} hits`);
  expect(responses, "the wiretap recorded the run").toBeGreaterThan(0);
  expect(logLines, "the app's log was captured").toBeGreaterThan(0);
  expect(leaks).toEqual([]);
});

test("the scan finds a secret wherever a page, header or log line could carry it", () => {
  const secret = "trm_rt_Zm9vYmFyYmF6cXV4LWZvb2Jhci1iYXotcXV1eA";
  const known = new Set([secret, "sandbox-climate-secret-7c1e"]);
  for (const text of [
    `{"refreshToken":"${secret}"}`,
    `/connections?code=${secret}&state=x`,
    `Bearer ${secret}.`,
    `<td>${secret}</td>`,
    `{"level":40,"err":{"message":"refresh_token=${secret}"}}`,
    "clientSecret: sandbox-climate-secret-7c1e",
  ]) {
    expect(secretsIn(text, known), text).toHaveLength(1);
  }
});
