import "server-only";
import { sql } from "drizzle-orm";
import { audit } from "@/lib/audit";
import { database } from "@/lib/db/client";
import { growers } from "@/lib/db/schema";
import type { LeafClient } from "@/lib/leaf";
import { type LeafUser, listLeafUsers } from "@/lib/leaf/users";

const leafPageSize = 100;

/** A Leaf user as a grower row; Leaf allows users without a name or email, Headland needs something to show. */
function growerFrom(user: LeafUser) {
  const email = user.email?.trim() ?? "";
  return { leafUserId: user.id, name: user.name?.trim() || email || user.id, email };
}

/**
 * Adds every Leaf user Headland does not know yet, a page of 100 at a time. Idempotent: a Leaf user id
 * is unique among growers, so a second run (or two at once) adds nothing twice.
 */
export async function importLeafUsers(leaf: LeafClient, actor: string): Promise<{ seen: number; added: number }> {
  const db = await database();
  let seen = 0;
  let added = 0;
  for (let page = 0; ; page++) {
    const { users, total } = await listLeafUsers(leaf, page, leafPageSize);
    if (users.length) {
      const inserted = await db
        .insert(growers)
        .values(users.map(growerFrom))
        .onConflictDoNothing({ target: growers.leafUserId })
        .returning({ id: growers.id });
      added += inserted.length;
    }
    seen += users.length;
    if (users.length < leafPageSize || seen >= total) break;
  }
  // Fresh planner statistics after a bulk insert: PGlite has no autovacuum to gather them, and the
  // search only uses its trigram index once the planner knows how many growers there are.
  if (added) await db.execute(sql`analyze ${growers}`);
  await audit({ actor, action: "import_leaf_users", outcome: "imported", detail: `${added} added of ${seen} in Leaf` });
  return { seen, added };
}
