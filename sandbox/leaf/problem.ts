import type { z } from "zod";
import { Halt, type Incoming, mediaType, type Reply } from "../http";

// Leaf is a Spring (JHipster) service: every error is an RFC 7807 problem body.
export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/problem+json" },
    body: JSON.stringify({ title, status, detail, ...extra }),
  };
}

export const unauthorized = (detail = "Full authentication is required to access this resource") =>
  problem(401, "Unauthorized", detail);
export const notFound = (detail: string) => problem(404, "Not Found", detail);
export const badRequest = (detail: string, extra?: Record<string, unknown>) =>
  problem(400, "Bad Request", detail, extra);

function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: key, message: "is not a known field" }))
      : [{ field: issue.path.join(".") || "body", message: issue.message }],
  );
}

function validationProblem(error: z.ZodError): Reply {
  return badRequest("Validation failed", { fieldErrors: fieldErrors(error) });
}

/** The JSON body, or a Halt: 415 for another media type, 400 for JSON that does not parse. */
export async function readJson(req: Incoming): Promise<unknown> {
  if (mediaType(req.headers) !== "application/json")
    throw new Halt(problem(415, "Unsupported Media Type", "Content-Type must be application/json"));
  const text = await req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Halt(badRequest("Malformed JSON request body"));
  }
}

/** Parses with a zod schema, or halts with Leaf's validation problem. */
export function parseOrHalt<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Halt(validationProblem(parsed.error));
  return parsed.data;
}
