import "server-only";
import { getServerSession } from "next-auth";
import type { StaffRole } from "@/lib/db/schema";
import { authOptions } from "./options";

export type Viewer =
  | { role: "staff"; email: string; sid: string; staffRole: StaffRole }
  | { role: "grower"; leafUserId: string; name: string; sid: string };

/**
 * Who is asking, from the session cookie; undefined when signed out, or when the sign-in was ended or
 * is past its absolute lifetime (the jwt callback in ./options reads its row on every call).
 */
export async function currentViewer(): Promise<Viewer | undefined> {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return undefined;
  if (session.role === "staff") {
    // A token from before roles existed, or without one, gets the smaller role.
    const staffRole = session.staffRole === "admin" ? "admin" : "member";
    return { role: "staff", email: session.user?.email ?? "", sid: session.sid, staffRole };
  }
  if (session.role === "grower" && session.leafUserId) {
    return { role: "grower", leafUserId: session.leafUserId, name: session.user?.name ?? "", sid: session.sid };
  }
  return undefined;
}

/** Staff see every grower; a grower sees only their own connections. */
export function canActFor(viewer: Viewer, leafUserId: string): boolean {
  return viewer.role === "staff" || viewer.leafUserId === leafUserId;
}
