import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { config } from "@/lib/config";
import { idempotencyKeyHeader } from "./idempotency";
import { type ProblemCode, problemTypes } from "./problem";
import {
  connectionPath,
  createdGrower,
  createGrowerRequest,
  eventPage,
  grower,
  growerPage,
  growerPath,
  invite,
  listEventsQuery,
  listGrowersQuery,
  newInviteRequest,
  problemDocument,
} from "./schemas";

// The OpenAPI 3.1 document, made from the schemas the routes validate with (./schemas).

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

/** The problems an operation can answer with, each under its status. */
function problems(...codes: ProblemCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, string[]>();
  for (const code of ["unauthorized", "too_many_requests", ...codes] as ProblemCode[]) {
    const { status, title } = problemTypes[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), title]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, titles]) => [
      String(status),
      { description: titles.join("; "), content: { "application/problem+json": { schema: problemDocument } } },
    ]),
  );
}

function operation(
  summary: string,
  scope: "read" | "write",
  rest: Omit<ZodOpenApiOperationObject, "summary">,
): ZodOpenApiOperationObject {
  return { summary, description: `Needs a key with the \`${scope}\` scope.`, ...rest };
}

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Headland partner API",
      version: "1.0.0",
      description:
        "Create growers and invite links, read connection statuses and poll connection events. " +
        "Errors are RFC 9457 problem details. Every call is rate limited per key and recorded in the audit trail.",
    },
    servers: [{ url: `${config().appUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key an admin created under Staff, API keys." },
      },
    },
    paths: {
      "/growers": {
        post: operation("Create a grower and an invite link", "write", {
          operationId: "createGrower",
          requestParams: { header: z.object({ "idempotency-key": idempotencyKeyHeader.optional() }) },
          requestBody: json(createGrowerRequest),
          responses: {
            "201": { description: "The grower, with a fresh invite link", ...json(createdGrower) },
            ...problems(
              "invalid_request",
              "forbidden",
              "conflict",
              "idempotency_conflict",
              "idempotency_in_progress",
              "leaf_rejected",
              "leaf_unavailable",
            ),
          },
        }),
        get: operation("List growers", "read", {
          operationId: "listGrowers",
          requestParams: { query: listGrowersQuery },
          responses: {
            "200": { description: "A page of growers, by name", ...json(growerPage) },
            ...problems("invalid_request"),
          },
        }),
      },
      "/growers/{id}": {
        get: operation("Read a grower", "read", {
          operationId: "getGrower",
          requestParams: { path: growerPath },
          responses: { "200": { description: "The grower", ...json(grower) }, ...problems("not_found") },
        }),
      },
      "/growers/{id}/invites": {
        post: operation("Send a new invite link", "write", {
          operationId: "createInvite",
          description: "Every earlier link stops working and the grower's open sessions end. Needs `write`.",
          requestParams: { path: growerPath },
          requestBody: json(newInviteRequest),
          responses: {
            "201": { description: "The new link", ...json(invite) },
            ...problems("invalid_request", "forbidden", "not_found"),
          },
        }),
      },
      "/growers/{id}/connections/{provider}": {
        delete: operation("Disconnect a provider", "write", {
          operationId: "disconnect",
          requestParams: { path: connectionPath },
          responses: {
            "204": { description: "Disconnected (or nothing was connected)" },
            ...problems("forbidden", "not_found", "leaf_unavailable"),
          },
        }),
      },
      "/events": {
        get: operation("Poll connection events", "read", {
          operationId: "listEvents",
          description:
            "Events oldest first. Keep `nextCursor` and pass it as `after` next time; " +
            "events from the last two seconds wait for the next poll, so none is ever skipped. Needs `read`.",
          requestParams: { query: listEventsQuery },
          responses: {
            "200": { description: "Events after the cursor", ...json(eventPage) },
            ...problems("invalid_request"),
          },
        }),
      },
    },
  });
}
