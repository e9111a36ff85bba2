import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { DELETE as disconnect } from "@/app/api/v1/growers/[id]/connections/[provider]/route";
import { POST as newInvite } from "@/app/api/v1/growers/[id]/invites/route";
import { GET as getGrower } from "@/app/api/v1/growers/[id]/route";
import { POST as createGrower, GET as listGrowers } from "@/app/api/v1/growers/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { resetConfigForTests } from "@/lib/config";
import { connectionSnapshots, events, growers } from "@/lib/db/schema";
import { growerLocale } from "@/lib/i18n/grower-locale";
import { appAgainstSandbox } from "@/lib/testing/app-env";
import { createApiKey } from "./keys";
import { callApi } from "./testing";

// Every endpoint called for real (route handlers, a sandbox Leaf, a database), and every answer, success or
// problem, validated against the schema the OpenAPI document gives for that operation and status.

let app: Awaited<ReturnType<typeof appAgainstSandbox>>;
let key: string;
let readKey: string;
let document: {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const checked: string[] = [];

beforeAll(async () => {
  // Leaf's answers wait on a machine shared with other test runs: a generous timeout, not a flaky 503.
  app = await appAgainstSandbox({ LEAF_TIMEOUT_MS: "10000" });
  resetConfigForTests();
  key = (await createApiKey({ name: "Contract", scope: "write" }, "staff:ann@partner.test")).key;
  readKey = (await createApiKey({ name: "Contract reader", scope: "read" }, "staff:ann@partner.test")).key;
  document = await (await openApi()).json();
  ajv.addSchema(document as object, "openapi");
}, 120_000);
afterAll(() => app.close());

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Validates a real answer against the document: the status must be listed, and the body match its schema. */
async function conforms(response: Response, method: string, path: string): Promise<unknown> {
  const status = String(response.status);
  const described = document.paths[path]?.[method]?.responses[status];
  expect(
    described,
    `${method.toUpperCase()} ${path} answered ${status}, which the document does not list`,
  ).toBeDefined();
  checked.push(`${method.toUpperCase()} ${path} ${status}`);
  if (!described?.content) {
    expect(await response.text()).toBe("");
    return undefined;
  }
  const type = response.headers.get("content-type")?.split(";")[0] ?? "";
  expect(Object.keys(described.content)).toContain(type);
  const schemaRef = `openapi#/${pointer("paths", path, method, "responses", status, "content", type, "schema")}`;
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  const body: unknown = await response.json();
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

describe("the partner API against its OpenAPI document", () => {
  it("has a validator that rejects what breaks a schema", () => {
    const validate = ajv.compile({
      $ref: `openapi#/${pointer("paths", "/growers", "get", "responses", "200")}/content/application~1json/schema`,
    });
    expect(validate({ data: [{ id: "x" }], nextCursor: null })).toBe(false);
    expect(validate({ data: [], nextCursor: null })).toBe(true);
  });

  it("is an OpenAPI 3.1 document with bearer security and problem responses", () => {
    expect(document).toMatchObject({
      openapi: "3.1.0",
      components: { securitySchemes: { apiKey: { scheme: "bearer" } } },
    });
  });

  it("answers every endpoint, success and failure, as documented", async () => {
    const body = { name: "Ada Lovelace", email: "ada@farm.test", externalId: "crm-1", invite: { maxUses: 2 } };
    const first = await callApi(createGrower, "POST", "/growers", { key, body, headers: { "idempotency-key": "c-1" } });
    expect(first.status, await first.clone().text()).toBe(201);
    const created = (await conforms(first, "post", "/growers")) as {
      id: string;
      invite: { maxUses: number; url: string };
    };
    expect(created.invite.maxUses).toBe(2);
    const replay = await callApi(createGrower, "POST", "/growers", {
      key,
      body,
      headers: { "idempotency-key": "c-1" },
    });
    expect(((await conforms(replay, "post", "/growers")) as { id: string }).id).toBe(created.id);
    expect(await app.db.db.select().from(growers)).toHaveLength(1);
    const reused = { ...body, name: "Someone else" };
    const conflict = await callApi(createGrower, "POST", "/growers", {
      key,
      body: reused,
      headers: { "idempotency-key": "c-1" },
    });
    expect(conflict.status).toBe(422);
    await conforms(conflict, "post", "/growers");
    const taken = await callApi(createGrower, "POST", "/growers", { key, body: { ...body, email: "b@farm.test" } });
    expect(taken.status).toBe(409);
    await conforms(taken, "post", "/growers");
    await conforms(await callApi(createGrower, "POST", "/growers", { key, body: { name: "" } }), "post", "/growers");
    await conforms(await callApi(createGrower, "POST", "/growers", { key: readKey, body }), "post", "/growers");
    await conforms(await callApi(createGrower, "POST", "/growers", { body }), "post", "/growers");

    const page = (await conforms(
      await callApi(listGrowers, "GET", "/growers", { key: readKey }),
      "get",
      "/growers",
    )) as {
      data: { id: string; connections: { statusWords: string }[] }[];
    };
    expect(page.data.map((g) => g.id)).toEqual([created.id]);
    expect(page.data[0]!.connections[0]!.statusWords).toBe("Not connected");
    const bad = await callApi(listGrowers, "GET", "/growers", { key, query: { limit: "1000" } });
    expect(bad.status).toBe(400);
    await conforms(bad, "get", "/growers");
    await conforms(
      await callApi(listGrowers, "GET", "/growers", { key, query: { cursor: "nonsense" } }),
      "get",
      "/growers",
    );
    const nul = await callApi(listGrowers, "GET", "/growers", { key, query: { q: "a\u0000b" } });
    expect(nul.status).toBe(400);
    await conforms(nul, "get", "/growers");

    const one = { key, params: { id: created.id } };
    await conforms(await callApi(getGrower, "GET", `/growers/${created.id}`, one), "get", "/growers/{id}");
    const missing = { key, params: { id: "no-such-grower" } };
    const notFound = await callApi(getGrower, "GET", "/growers/x", missing);
    expect(notFound.status).toBe(404);
    await conforms(notFound, "get", "/growers/{id}");

    const invite = await callApi(newInvite, "POST", "/x/invites", { ...one, body: { maxUses: 1, expiresInDays: 2 } });
    const link = (await conforms(invite, "post", "/growers/{id}/invites")) as { url: string; expiresAt: string };
    expect(link.url).not.toBe(created.invite.url);
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(47 * 3600_000);
    const tooMany = await callApi(newInvite, "POST", "/x/invites", { ...one, body: { maxUses: 11 } });
    expect(tooMany.status).toBe(400);
    await conforms(tooMany, "post", "/growers/{id}/invites");
    await conforms(
      await callApi(newInvite, "POST", "/x/invites", { ...missing, body: {} }),
      "post",
      "/growers/{id}/invites",
    );

    const deere = { key, params: { id: created.id, provider: "john-deere" } };
    await conforms(await callApi(disconnect, "DELETE", "/x", deere), "delete", "/growers/{id}/connections/{provider}");
    const nowhere = { key, params: { id: created.id, provider: "nowhere" } };
    await conforms(
      await callApi(disconnect, "DELETE", "/x", nowhere),
      "delete",
      "/growers/{id}/connections/{provider}",
    );

    const past = new Date(Date.now() - 60_000);
    await app.db.db.insert(events).values([
      { type: "connection.connected", leafUserId: created.id, provider: "john-deere", status: "ok", at: past },
      {
        type: "connection.broken",
        leafUserId: created.id,
        provider: "john-deere",
        status: "reauth",
        previousStatus: "ok",
        reason: "UNAUTHENTICATED",
        at: past,
      },
    ]);
    const polled = (await conforms(
      await callApi(listEvents, "GET", "/events", { key: readKey }),
      "get",
      "/events",
    )) as {
      data: { type: string }[];
      nextCursor: number;
    };
    expect(polled.data.map((e) => e.type)).toEqual(["connection.connected", "connection.broken"]);
    const after = { key, query: { after: String(polled.nextCursor) } };
    const next = (await conforms(
      await callApi(listEvents, "GET", "/events", after),
      "get",
      "/events",
    )) as typeof polled;
    expect(next).toEqual({ data: [], nextCursor: polled.nextCursor });
    await conforms(
      await callApi(listEvents, "GET", "/events", { key, query: { since: "yesterday" } }),
      "get",
      "/events",
    );

    // Every documented operation answered with a success and with at least one problem.
    for (const [path, item] of Object.entries(document.paths))
      for (const method of Object.keys(item)) {
        const seen = checked.filter((c) => c.startsWith(`${method.toUpperCase()} ${path} `)).map((c) => c.at(-3));
        expect(seen, `${method} ${path}`).toEqual(expect.arrayContaining(["2", "4"]));
      }
  });

  it("keeps the language a grower is created with, and refuses one Headland does not offer", async () => {
    const body = { name: "Bruna", email: "bruna@farm.test", locale: "pt-BR" };
    const created = await callApi(createGrower, "POST", "/growers", { key, body });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await conforms(created, "post", "/growers")) as { id: string };
    expect(await growerLocale(id)).toBe("pt-BR");
    const refused = await callApi(createGrower, "POST", "/growers", { key, body: { ...body, locale: "fr" } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await conforms(refused, "post", "/growers"))).toContain("locale");
  });

  it("pages growers by name with a cursor, and filters by status, provider, search and external id", async () => {
    await app.db.db.insert(growers).values([
      { leafUserId: "leaf-p1", name: "page Bea", email: "bea@farm.test", externalId: "crm-p1" },
      { leafUserId: "leaf-p2", name: "Page Cy", email: "cy@farm.test" },
      { leafUserId: "leaf-p3", name: "page Di", email: "di@farm.test" },
    ]);
    await app.db.db.insert(connectionSnapshots).values([
      { leafUserId: "leaf-p2", provider: "trimble", status: "reauth" },
      { leafUserId: "leaf-p3", provider: "john-deere", status: "ok" },
    ]);
    const ids = async (query: Record<string, string>) => {
      const body = (await conforms(
        await callApi(listGrowers, "GET", "/growers", { key, query }),
        "get",
        "/growers",
      )) as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      return { ids: body.data.map((g) => g.id), next: body.nextCursor };
    };
    const first = await ids({ q: "page", limit: "2" });
    expect(first.ids).toEqual(["leaf-p1", "leaf-p2"]);
    expect(await ids({ q: "page", limit: "2", cursor: first.next! })).toEqual({ ids: ["leaf-p3"], next: null });
    expect((await ids({ status: "attention" })).ids).toEqual(["leaf-p2"]);
    expect((await ids({ provider: "john-deere" })).ids).toEqual(["leaf-p3"]);
    expect((await ids({ provider: "trimble", status: "ok" })).ids).toEqual([]);
    expect((await ids({ externalId: "crm-p1" })).ids).toEqual(["leaf-p1"]);
    const grower = await callApi(getGrower, "GET", "/growers/leaf-p2", { key, params: { id: "leaf-p2" } });
    const trimble = (
      (await conforms(grower, "get", "/growers/{id}")) as { connections: Record<string, unknown>[] }
    ).connections.find((c) => c.provider === "trimble");
    expect(trimble).toMatchObject({ status: "reauth", statusWords: "Needs reconnect", providerName: "Trimble" });
    expect(trimble?.since).toEqual(expect.any(String));
  });
});
