import "server-only";
import { openApiDocument } from "./openapi";

// The OpenAPI document flattened into what the reference page lists: operations, schemas as field tables.

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  anyOf?: JsonSchema[];
};

export interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

export const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A schema's type in a few words: `Grower`, `string | null`, `"read" | "write"`, `Event[]`. */
export function typeWords(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeWords).join(" | ");
  if (schema.type === "array") return `${typeWords(schema.items)}[]`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
}

export function fieldsOf(schema: JsonSchema): Field[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeWords(property),
    required: schema.required?.includes(name) ?? false,
    description: property.description ?? "",
  }));
}

export interface OperationView {
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (Field & { in: string })[];
  body?: string;
  responses: { status: string; description: string; type: string }[];
}

type RawOperation = {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: JsonSchema }> }>;
};

function operationView(method: string, path: string, raw: RawOperation): OperationView {
  const bodySchema = raw.requestBody && Object.values(raw.requestBody.content)[0]?.schema;
  return {
    method: method.toUpperCase(),
    path,
    summary: raw.summary ?? "",
    description: raw.description ?? "",
    parameters: (raw.parameters ?? []).map((p) => ({
      in: p.in,
      name: p.name,
      type: typeWords(p.schema),
      required: p.required ?? false,
      description: p.description ?? p.schema?.description ?? "",
    })),
    body: bodySchema ? typeWords(bodySchema) : undefined,
    responses: Object.entries(raw.responses).map(([status, r]) => ({
      status,
      description: r.description,
      type: r.content ? Object.values(r.content).map((c) => typeWords(c.schema))[0]! : "",
    })),
  };
}

export function apiReference() {
  const doc = openApiDocument() as unknown as {
    info: { title: string; description: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, RawOperation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  return {
    title: doc.info.title,
    description: doc.info.description,
    baseUrl: doc.servers[0]?.url ?? "/api/v1",
    operations: Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, raw]) => operationView(method, path, raw)),
    ),
    schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({
      name,
      description: schema.description ?? "",
      type: schema.properties ? "object" : typeWords(schema),
      fields: fieldsOf(schema),
    })),
  };
}
