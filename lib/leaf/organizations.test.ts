// Leaf's organization list decides whether a grower is told their connection shares nothing.
import { describe, expect, it } from "vitest";
import { LeafClient } from "./client";
import { getOrganizations, managementUriOf, sharesNothing } from "./organizations";

const list = (connected: unknown[], notConnected: unknown[]) => ({ connected, notConnected });
const org = (id: string | number, managementUri?: string) => ({ id, name: `Org ${id}`, managementUri });

/** A Leaf stand-in answering one fixed body, through the real client and its zod parsing. */
async function answering(body: unknown, status = 200) {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => Response.json(body, { status })) as typeof fetch;
  const leaf = new LeafClient({ apiUrl: "http://leaf.test", auth: { kind: "token", token: "t" }, timeoutMs: 1000 });
  try {
    return await getOrganizations(leaf, "user-1", "JohnDeere");
  } finally {
    globalThis.fetch = original;
  }
}

describe("Leaf's organization list", () => {
  it("shares nothing only when there are organizations to choose and none is chosen", () => {
    expect(sharesNothing({ connected: [], notConnected: [{ id: "1", name: "A", managementUri: null }] })).toBe(true);
    expect(sharesNothing({ connected: [{ id: "1", name: "A", managementUri: null }], notConnected: [] })).toBe(false);
    // Nothing listed at all (an older credential, or Leaf not knowing yet): no button could help.
    expect(sharesNothing({ connected: [], notConnected: [] })).toBe(false);
    expect(sharesNothing(undefined)).toBe(false);
  });

  it("parses ids to strings, tolerates missing lists, drops a managementUri that is not http(s)", async () => {
    const parsed = await answering({
      notConnected: [org(7, "javascript:alert(1)"), org("8", "https://connections.deere.com/x?grant=1")],
    });
    expect(parsed).toEqual({
      connected: [],
      notConnected: [
        { id: "7", name: "Org 7", managementUri: null },
        { id: "8", name: "Org 8", managementUri: "https://connections.deere.com/x?grant=1" },
      ],
    });
    expect(managementUriOf(parsed!)).toBe("https://connections.deere.com/x?grant=1");
  });

  it("answers undefined when Leaf has nothing to list (404)", async () => {
    expect(await answering({ title: "Not Found" }, 404)).toBeUndefined();
  });

  it("finds no management page when Leaf gives none", () => {
    expect(managementUriOf(list([], [{ id: "1", name: "A", managementUri: null }]) as never)).toBeUndefined();
  });
});
