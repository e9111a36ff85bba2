import "server-only";
import type { z } from "zod";
import { invalidRequest, problem } from "./problem";

type Parsed<T extends z.ZodType> = { data: z.output<T> } | { response: Response };

/** Validates one part of a request (path, query or body); a 400 naming the wrong field otherwise. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): Parsed<T> {
  // No database text can hold a NUL: refused here rather than failing in a query as a 500.
  if (JSON.stringify(value ?? null).includes("\\u0000"))
    return { response: problem("invalid_request", `${where}: text must not contain NUL characters.`) };
  const parsed = schema.safeParse(value);
  return parsed.success ? { data: parsed.data } : { response: invalidRequest(where, parsed.error.issues) };
}

export const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** The JSON body; an empty body is `{}` (every field optional), anything unreadable a 400. */
export async function jsonBody(request: Request): Promise<{ data: unknown } | { response: Response }> {
  const text = await request.text();
  if (!text.trim()) return { data: {} };
  try {
    return { data: JSON.parse(text) };
  } catch {
    return { response: problem("invalid_request", "The request body is not valid JSON.") };
  }
}

/** Parses a JSON body against a schema in one step. */
export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<Parsed<T>> {
  const body = await jsonBody(request);
  return "response" in body ? body : parse(schema, body.data, "body");
}
