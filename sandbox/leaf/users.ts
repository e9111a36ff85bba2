import { randomUUID } from "node:crypto";

export interface LeafUser {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  address: string | null;
  externalId: string | null;
  createdTime: string;
}

export type NewUser = Pick<LeafUser, "name" | "email"> & Partial<Pick<LeafUser, "phone" | "address" | "externalId">>;
export type SortField = "id" | "name" | "email" | "phone" | "address" | "externalId" | "createdTime";
export interface SortOrder {
  field: SortField;
  direction: "asc" | "desc";
}

export interface UserQuery {
  filters: Partial<Pick<LeafUser, "email" | "name" | "externalId">>;
  sort: SortOrder[];
  page: number;
  size: number;
}

function compareBy(sort: SortOrder[]): (a: LeafUser, b: LeafUser) => number {
  return (a, b) => {
    for (const { field, direction } of sort) {
      const x = a[field];
      const y = b[field];
      if (x === y) continue;
      // Nulls last in either direction, as Leaf's database sorts them.
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (direction === "asc" ? 1 : -1);
    }
    return 0;
  };
}

const isCreationOrder = (sort: SortOrder[]) => sort.length === 1 && sort[0]!.field === "createdTime";

/**
 * Leaf users, indexed by id and email. Insertion order is creation order, so the default sort
 * (createdTime) pages by slicing a cached array instead of sorting per request.
 */
export class UserDirectory {
  private readonly byId = new Map<string, LeafUser>();
  private readonly byEmail = new Map<string, Set<string>>();
  private ordered: LeafUser[] | undefined;

  add(input: NewUser, now: number): LeafUser {
    const user: LeafUser = {
      id: randomUUID(),
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      address: input.address ?? null,
      externalId: input.externalId ?? null,
      createdTime: new Date(now).toISOString(),
    };
    this.byId.set(user.id, user);
    const sameEmail = this.byEmail.get(user.email) ?? new Set();
    this.byEmail.set(user.email, sameEmail.add(user.id));
    this.ordered = undefined;
    return user;
  }

  /** Every user in creation order, for the saved state. */
  all(): LeafUser[] {
    return [...this.byId.values()];
  }

  /** Puts back saved users as they were, ids and creation times included, in their creation order. */
  restore(users: LeafUser[]): void {
    for (const user of users) {
      this.byId.set(user.id, user);
      this.byEmail.set(user.email, (this.byEmail.get(user.email) ?? new Set()).add(user.id));
    }
    this.ordered = undefined;
  }

  get(id: string): LeafUser | undefined {
    return this.byId.get(id);
  }

  remove(id: string): boolean {
    const user = this.byId.get(id);
    if (!user) return false;
    this.byId.delete(id);
    this.byEmail.get(user.email)?.delete(id);
    this.ordered = undefined;
    return true;
  }

  query({ filters, sort, page, size }: UserQuery): { users: LeafUser[]; total: number } {
    let users = this.candidates(filters.email);
    const { name, externalId, email } = filters;
    if (name !== undefined || externalId !== undefined || email !== undefined) {
      users = users.filter(
        (u) =>
          (name === undefined || u.name === name) &&
          (externalId === undefined || u.externalId === externalId) &&
          (email === undefined || u.email === email),
      );
    }
    if (!isCreationOrder(sort)) users = [...users].sort(compareBy(sort));
    else if (sort[0]!.direction === "desc") users = [...users].reverse();
    return { users: users.slice(page * size, (page + 1) * size), total: users.length };
  }

  private candidates(email: string | undefined): LeafUser[] {
    if (email !== undefined) return [...(this.byEmail.get(email) ?? [])].map((id) => this.byId.get(id)!);
    this.ordered ??= [...this.byId.values()];
    return this.ordered;
  }
}
