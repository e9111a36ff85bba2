import { z } from "zod";
import type { LeafSource, Provider } from "@/lib/providers/types";

const required = z
  .string({
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string"),
  })
  .min(1, "must not be empty");

/** One of Leaf's credential kinds (`/users/{id}/{kind}-credentials`), derived from the provider's Leaf body. */
export interface CredentialKind {
  id: string;
  provider: string;
  /** The body Leaf accepts, exactly as its docs list it: unknown fields are refused. */
  body: z.ZodType<Record<string, string>>;
  /** Which posted field carries each of the client's values and tokens, by source. */
  fieldFor: Partial<Record<"clientId" | "clientSecret" | "accessToken" | "refreshToken", string>>;
  /** Posted fields filled from a provider option (Climate's API key, Deere's environment), by option name. */
  optionFields: Record<string, string>;
  /** Those of them that must equal a value registered with the client (Climate's API key). */
  secretFields: Record<string, string>;
  /** Deere alone has `/status`. */
  hasStatusRoute: boolean;
  /** Leaf's name in `/users/{id}/organizations/{name}`. */
  organizations?: string;
}

function fieldSchema(provider: Provider, source: LeafSource): z.ZodType<string> {
  if (typeof source !== "object") return required;
  const values = provider.options[source.option]?.values;
  return values ? z.enum(values as [string, ...string[]], { error: `must be ${values.join(" or ")}` }) : required;
}

export function kindFrom(provider: Provider): CredentialKind {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  const fieldFor: CredentialKind["fieldFor"] = {};
  const optionFields: Record<string, string> = {};
  const secretFields: Record<string, string> = {};
  for (const [field, spec] of Object.entries(provider.leaf.body)) {
    const optional = typeof spec === "object" && "from" in spec;
    const source = optional ? spec.from : (spec as LeafSource);
    shape[field] = optional ? fieldSchema(provider, source).optional() : fieldSchema(provider, source);
    if (typeof source === "object") {
      optionFields[field] = source.option;
      if (provider.options[source.option]?.secret) secretFields[field] = source.option;
    } else {
      fieldFor[source] = field;
    }
  }
  return {
    id: provider.leaf.path.replace(/-credentials$/, ""),
    provider: provider.id,
    body: z.strictObject(shape) as unknown as z.ZodType<Record<string, string>>,
    fieldFor,
    optionFields,
    secretFields,
    hasStatusRoute: Boolean(provider.leaf.statusPath),
    organizations: provider.leaf.organizations,
  };
}
