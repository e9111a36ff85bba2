import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { inParallel } from "../../lib/testing/in-parallel";
import { providerCases } from "../helpers";
import {
  addGrower,
  connectProvider,
  expectedLeafBody,
  growerApi,
  leafCredential,
  refreshTokenPattern,
  sandboxControl,
  staffApi,
} from "../support/api";
import { type CrashableStack, startStack } from "../support/stack";

// N consent flows while 30% of Leaf calls fail in mixed ways; every credential must still arrive.
// `npm test` runs a small N; `npm run test:faults` runs N=1000.
const flows = Number(process.env.FAULT_FLOWS ?? 60);

// Four kinds of failure, 7.5% each (the sandbox tries the rules in order): 30% of Leaf calls in all.
const leafFaults = [
  { mode: "status", status: 503, rate: 0.075 },
  { mode: "status", status: 429, retryAfter: 1, rate: 0.075 / 0.925 },
  { mode: "timeout", delayMs: 1500, rate: 0.075 / 0.85 },
  { mode: "reset", rate: 0.075 / 0.775 },
];

let stack: CrashableStack;
test.beforeAll(async () => (stack = await startStack({ LEAF_TIMEOUT_MS: "1000", HEADLAND_OUTBOX_BASE_MS: "200" })));
test.afterAll(() => stack?.stop());

test(`fault run: ${flows} flows with 30% of Leaf calls failing all end up in Leaf, none left in outbox`, async () => {
  test.setTimeout(Math.max(120_000, flows * 600));
  const staff = await staffApi(stack);
  for (const fault of leafFaults) await sandboxControl(stack, "POST", "faults", { target: "leaf", ...fault });

  const growers = Math.ceil(flows / providerCases.length);
  const jobs = Array.from({ length: flows }, (_, i) => ({
    grower: Math.floor(i / providerCases.length),
    provider: providerCases[i % providerCases.length]!,
  }));
  const invited = new Map<number, { leafUserId: string; inviteUrl: string }>();
  await inParallel([...Array(growers).keys()], 6, async (n) => {
    invited.set(n, await addGrower(staff, "Fault Grower"));
  });
  await inParallel([...invited.keys()], 8, async (grower) => {
    const api = await growerApi(stack, invited.get(grower)!.inviteUrl);
    for (const { provider } of jobs.filter((job) => job.grower === grower)) await connectProvider(api, provider.id);
    await api.dispose();
  });

  const credentialOf = ({ grower, provider }: (typeof jobs)[number]) =>
    leafCredential(stack, invited.get(grower)!.leafUserId, provider);
  // Delivered: Leaf holds the credential and has validated it with the provider (which records its grant).
  const delivered = async () => {
    let count = 0;
    for (const job of jobs) if ((await credentialOf(job))?.grantId) count++;
    return count;
  };
  await expect.poll(delivered, { timeout: Math.max(60_000, flows * 200), intervals: [1000] }).toBe(flows);
  const count = await delivered();
  console.log(`delivered ${count} of ${flows}`);
  for (const job of jobs) {
    const { postedBody } = await credentialOf(job);
    expect(postedBody).toEqual(
      expectedLeafBody(job.provider, { refreshToken: expect.stringMatching(refreshTokenPattern(job.provider)) }),
    );
  }

  // A token set whose Leaf answer was lost (a timeout, a reset) is at Leaf but stays in the outbox until
  // the worker's next try finds it there, which its backoff may put seconds after the last delivery. The
  // app is stopped to read its database and started again while rows remain: the outbox must drain.
  await sandboxControl(stack, "DELETE", "faults");
  const deadline = Date.now() + 60_000;
  let left = await outboxRowsAfterStop();
  while (left > 0 && Date.now() < deadline) {
    await stack.restartApp();
    await new Promise((r) => setTimeout(r, 3_000));
    left = await outboxRowsAfterStop();
  }
  expect(left, "rows left in the outbox").toBe(0);
});

async function outboxRowsAfterStop(): Promise<number> {
  await stack.signalApp("SIGTERM");
  const db = new PGlite(path.join(stack.dataDir, "pglite"));
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from deliveries");
  await db.close();
  return rows[0]?.n ?? 0;
}
