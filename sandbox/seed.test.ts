import { describe, expect, it } from "vitest";
import { leafApi, leafToken, postJson, USERS, useSandbox } from "./testing";

const sandbox = useSandbox();
const seed = (body: unknown) => postJson(`${sandbox.url}/_sandbox/leaf/seed`, body);

describe("bulk seeding", () => {
  it("creates users whose credentials already carry the given statuses", async () => {
    const response = await seed({
      users: [
        {
          name: "Seed One",
          email: "one@seed.test",
          credentials: { "climate-field-view": "OK", "john-deere": "UNAUTHENTICATED" },
        },
        { name: "Seed Two", email: "two@seed.test", credentials: { trimble: "MISSING_PERMISSION" } },
        { name: "Seed Three", email: "three@seed.test" },
      ],
    });
    expect(response.status).toBe(201);
    const { ids } = (await response.json()) as { ids: string[] };
    expect(ids).toHaveLength(3);

    const leaf = leafApi(sandbox.url, await leafToken(sandbox.url));
    const climate = await (await leaf.get(`${USERS}/${ids[0]}/climate-field-view-credentials`)).json();
    expect(climate).toMatchObject({
      status: "OK",
      clientId: "headland-climate-sandbox",
      refreshToken: expect.stringMatching(/^cfv_rt_seed_/),
    });
    expect(await (await leaf.get(`${USERS}/${ids[0]}/john-deere-credentials/status`)).json()).toEqual({
      status: "UNAUTHENTICATED",
    });
    const [latest] = await (await leaf.get(`${USERS}/${ids[0]}/john-deere-credentials/events`)).json();
    expect(latest.statusCode).toBe(401);
    expect((await leaf.get(`${USERS}/${ids[0]}/trimble-credentials`)).status).toBe(404);
    expect((await (await leaf.get(`${USERS}/${ids[1]}/trimble-credentials`)).json()).status).toBe("MISSING_PERMISSION");
    expect((await (await leaf.get(`${USERS}/${ids[2]}`)).json()).name).toBe("Seed Three");
  });

  it("knows the seeded tokens as issued secrets, for leak scans", async () => {
    const { ids } = (await (
      await seed({ users: [{ name: "Leak", email: "leak@seed.test", credentials: { trimble: "OK" } }] })
    ).json()) as { ids: string[] };
    const stored = await (await fetch(`${sandbox.url}/_sandbox/leaf/users/${ids[0]}/trimble-credentials`)).json();
    const { secrets } = await (await fetch(`${sandbox.url}/_sandbox/issued`)).json();
    expect(secrets).toContain(stored.refreshToken);
  });

  it("lets a seeded credential be revoked like any other", async () => {
    const { ids } = (await (
      await seed({ users: [{ name: "Rev", email: "rev@seed.test", credentials: { trimble: "OK" } }] })
    ).json()) as { ids: string[] };
    const revoked = await fetch(`${sandbox.url}/_sandbox/leaf/users/${ids[0]}/trimble-credentials/revoke`, {
      method: "POST",
    });
    expect(await revoked.json()).toEqual({ status: "UNAUTHENTICATED" });
  });

  it("refuses unknown credential kinds and empty requests", async () => {
    expect(
      (await seed({ users: [{ name: "X", email: "x@seed.test", credentials: { "farm-engage": "OK" } }] })).status,
    ).toBe(400);
    expect((await seed({ users: [] })).status).toBe(400);
  });
});
