import { z } from "zod";
import { Halt, json, noContent } from "../http";
import type { Route } from "../router";
import { badRequest, notFound, parseOrHalt, readJson } from "./problem";
import { leafRoute, USERS } from "./route";
import type { SortField, SortOrder } from "./users";

const required = z
  .string({
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string"),
  })
  .refine((value) => value.trim() !== "", "must not be blank");
const optional = z.string({ error: "must be a string" }).nullish();

// Unknown fields (an `id`, a typo) are refused rather than ignored: the app must send exactly these.
const newUser = z.strictObject({
  name: required,
  email: z.email({
    error: (issue) =>
      issue.input === undefined || issue.input === null ? "is required" : "must be a well-formed email address",
  }),
  phone: optional,
  address: optional,
  externalId: optional,
});

const sortFields: SortField[] = ["id", "name", "email", "phone", "address", "externalId", "createdTime"];

function readSort(values: string[]): SortOrder[] {
  if (!values.length) return [{ field: "createdTime", direction: "asc" }];
  return values.map((value) => {
    const [field, direction = "asc", ...rest] = value.split(",");
    const known = sortFields.find((f) => f === field);
    if (!known || rest.length || (direction !== "asc" && direction !== "desc"))
      throw new Halt(badRequest(`Invalid sort: ${value}`));
    return { field: known, direction };
  });
}

function readInt(value: string | null, fallback: number, name: string, min: number, max: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new Halt(badRequest(`${name} must be an integer from ${min} to ${max}`));
  return n;
}

export const userRoutes: Route[] = [
  leafRoute("POST", USERS, async (req, { state }) => {
    const user = state.leaf.users.add(parseOrHalt(newUser, await readJson(req)), state.clock.now());
    return json(201, user, { location: `${USERS}/${user.id}` });
  }),
  // Leaf pages from 0, 20 a page by default and 100 at most; the total is in X-Total-Count.
  leafRoute("GET", USERS, (req, { state }) => {
    const q = req.query;
    const filter = (name: string) => q.get(name) ?? undefined;
    const { users, total } = state.leaf.users.query({
      filters: { email: filter("email"), name: filter("name"), externalId: filter("externalId") },
      sort: readSort(q.getAll("sort")),
      page: readInt(q.get("page"), 0, "page", 0, Number.MAX_SAFE_INTEGER),
      size: readInt(q.get("size"), 20, "size", 1, 100),
    });
    return json(200, users, { "x-total-count": String(total) });
  }),
  leafRoute("GET", `${USERS}/{id}`, (req, { state }) => {
    const user = state.leaf.users.get(req.params.id!);
    return user ? json(200, user) : notFound(`No user with id ${req.params.id}`);
  }),
  leafRoute("DELETE", `${USERS}/{id}`, (req, { state }) => {
    if (!state.leaf.users.remove(req.params.id!)) return notFound(`No user with id ${req.params.id}`);
    state.leaf.credentials.removeUser(req.params.id!);
    return noContent();
  }),
];
