import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { clientAddressHeader } from "@/lib/http/client-address";
import { freshDatabase } from "@/lib/testing/db";
import { authOptions } from "./options";
import { signInDelayMs, signInKeys, throttleSignIn } from "./sign-in-throttle";
import { ensureStaffAccount } from "./staff";

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  process.env.HEADLAND_DATA_DIR = mkdtempSync(path.join(tmpdir(), "headland-throttle-"));
  process.env.HEADLAND_MODE ??= "sandbox";
  resetConfigForTests();
  database = await freshDatabase();
  await ensureStaffAccount({ email: "owner@headland.test", password: "the owner's password" });
}, 60_000); // migrations and a cost-12 bcrypt hash, on a busy machine
afterAll(() => database.close());

type Authorize = (raw: Record<string, string>, request: { headers: Record<string, string> }) => Promise<User | null>;

/** The staff provider's authorize, as next-auth calls it: the form fields and the request's headers. */
function staffSignIn(email: string, password: string, headers: Record<string, string>) {
  // next-auth keeps a Credentials provider's own id and authorize in `options` until it merges them.
  const providers = authOptions().providers as unknown as { options: { id: string; authorize: Authorize } }[];
  const provider = providers.find((p) => p.options.id === "staff")!;
  return provider.options.authorize({ email, password }, { headers }).then(
    (user) => (user ? "signed in" : "wrong password"),
    (error: Error) => error.message,
  );
}

describe("the growing delay at one account", () => {
  it("is nothing for the first 10 failures, then grows by 100 ms a failure up to 5 s, and never refuses", () => {
    expect([0, 10, 11, 20, 59, 60, 1_000_000].map(signInDelayMs)).toEqual([0, 0, 100, 1_000, 4_900, 5_000, 5_000]);
  });
});

describe("sign-in throttling", () => {
  it("refuses an account's 11th try from one address, keyed on the address header, not X-Forwarded-For", async () => {
    const results = [];
    for (let i = 0; i < 11; i++)
      results.push(
        await staffSignIn("owner@headland.test", `guess ${i}`, {
          [clientAddressHeader]: "203.0.113.66",
          "x-forwarded-for": `198.51.100.${i}`,
        }),
      );
    expect(results).toEqual([...Array(10).fill("wrong password"), "rate_limited"]);
  });

  it("lets the owner in with the right password from their own address while a guesser is locked out", async () => {
    // The guesser above used up 203.0.113.66's tries at this account; another guesser joins in.
    const guesses = Array.from({ length: 10 }, (_, i) =>
      staffSignIn("owner@headland.test", `guess ${i}`, { [clientAddressHeader]: "203.0.113.67" }),
    );
    expect(await Promise.all(guesses)).toEqual(Array(10).fill("wrong password"));
    const started = Date.now();
    expect(
      await staffSignIn("owner@headland.test", "the owner's password", { [clientAddressHeader]: "192.0.2.1" }),
    ).toBe("signed in");
    // 21 failures at the account before: slowed by 1.1 s, not refused.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_100);
    expect(
      await staffSignIn("owner@headland.test", "the owner's password", { [clientAddressHeader]: "203.0.113.66" }),
    ).toBe("rate_limited");
  }, 30_000);

  it("refuses the 101st try from one address across made-up accounts", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => throttleSignIn(signInKeys(`spray-${i}@headland.test`, "203.0.113.99"))),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(await throttleSignIn(signInKeys("spray-last@headland.test", "203.0.113.99"))).toBe(false);
    expect(await throttleSignIn(signInKeys("spray-last@headland.test", "203.0.113.98"))).toBe(true);
  });

  it("counts one IPv6 /64 as one address, so a guesser cannot take a fresh address for each try", async () => {
    for (let i = 0; i < 10; i++)
      expect(await throttleSignIn(signInKeys("v6@headland.test", `2001:db8:5:6::${(i + 1).toString(16)}`))).toBe(true);
    expect(await throttleSignIn(signInKeys("v6@headland.test", "2001:db8:5:6:ffff::1"))).toBe(false);
    expect(await throttleSignIn(signInKeys("v6@headland.test", "2001:db8:5:7::1"))).toBe(true);
  });

  it("a sign-in without the server's header falls in one shared bucket rather than none", () => {
    expect(signInKeys("a@headland.test", "unknown").address).toBe("signin:address:unknown");
  });
});
