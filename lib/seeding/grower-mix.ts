import { providers } from "@/lib/providers/registry";

// A realistic spread of growers and connection statuses for scale runs, the same every time (seeded
// PRNG): most growers connect one or two providers, a tenth of connections need attention.

/** Leaf's status strings and the share of growers in each; what is left over has not connected. */
type Mix = [status: string, share: number][];

// Shares seen for the first three providers; any other provider gets the typical mix.
const typicalMix: Mix = [
  ["OK", 0.35],
  ["UNAUTHENTICATED", 0.04],
  ["MISSING_PERMISSION", 0.02],
  ["TEMPORARILY_UNAVAILABLE", 0.01],
];
const mixes: Record<string, Mix> = {
  "climate-fieldview": [
    ["OK", 0.42],
    ["UNAUTHENTICATED", 0.05],
    ["MISSING_PERMISSION", 0.02],
    ["TEMPORARILY_UNAVAILABLE", 0.01],
    ["PROCESSING", 0.005],
  ],
  "john-deere": [
    ["OK", 0.5],
    ["UNAUTHENTICATED", 0.06],
    ["MISSING_PERMISSION", 0.05],
    ["TEMPORARILY_UNAVAILABLE", 0.01],
  ],
  trimble: [
    ["OK", 0.22],
    ["UNAUTHENTICATED", 0.03],
    ["MISSING_PERMISSION", 0.01],
  ],
};

export interface SeedUser {
  name: string;
  email: string;
  /** Leaf's status per credential kind (the provider's Leaf path without "-credentials"). */
  credentials: Record<string, string>;
}

const firstNames = [
  "Ada",
  "Ben",
  "Cora",
  "Dale",
  "Edna",
  "Floyd",
  "Greta",
  "Hank",
  "Ida",
  "Jed",
  "Kay",
  "Luis",
  "Mae",
  "Ned",
  "Opal",
  "Pete",
  "Rosa",
  "Sam",
  "Tess",
  "Walt",
];
const lastNames = [
  "Anderson",
  "Brooks",
  "Carter",
  "Dietrich",
  "Evans",
  "Fischer",
  "Garcia",
  "Hansen",
  "Iverson",
  "Jensen",
  "Kowalski",
  "Larsen",
  "Miller",
  "Nielsen",
  "Olson",
  "Peterson",
  "Schmidt",
  "Thompson",
  "Vogel",
  "Wagner",
];
const farms = ["Acres", "Creek", "Ridge", "Valley", "Prairie", "Hollow", "Bend", "Meadows"];

/** mulberry32: small, fast, and enough for spreading test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickStatus(mix: Mix, roll: number): string | undefined {
  let edge = 0;
  for (const [status, share] of mix) {
    edge += share;
    if (roll < edge) return status;
  }
  return undefined;
}

/** `count` growers; `tag` keeps emails of separate runs apart. */
export function seedUsers(count: number, tag: string, seed = 42): SeedUser[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const first = firstNames[Math.floor(next() * firstNames.length)]!;
    const last = lastNames[Math.floor(next() * lastNames.length)]!;
    const farm = farms[Math.floor(next() * farms.length)]!;
    const credentials: SeedUser["credentials"] = {};
    for (const provider of providers) {
      const status = pickStatus(mixes[provider.id] ?? typicalMix, next());
      if (status) credentials[provider.leaf.path.replace(/-credentials$/, "")] = status;
    }
    return {
      name: `${first} ${last} (${last} ${farm})`,
      email: `${first}.${last}.${i}.${tag}@growers.test`.toLowerCase(),
      credentials,
    };
  });
}

/** Posts the users to the sandbox's bulk seeding endpoint, 1,000 a request; returns their Leaf ids. */
export async function seedSandbox(sandboxUrl: string, users: SeedUser[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < users.length; i += 1000) {
    const response = await fetch(`${sandboxUrl}/_sandbox/leaf/seed`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ users: users.slice(i, i + 1000) }),
    });
    if (response.status !== 201)
      throw new Error(`sandbox seeding answered ${response.status}: ${await response.text()}`);
    ids.push(...((await response.json()) as { ids: string[] }).ids);
  }
  return ids;
}
