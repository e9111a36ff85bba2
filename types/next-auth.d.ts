import "next-auth";
import "next-auth/jwt";

type Role = "staff" | "grower";
/** Read from the staff table at sign-in; a change of role ends the member's sessions. */
type StaffRole = "admin" | "member";

declare module "next-auth" {
  interface User {
    role: Role;
    leafUserId?: string;
  }
  interface Session {
    role: Role;
    /** Random per sign-in: OAuth transactions are bound to it. */
    sid: string;
    leafUserId?: string;
    staffRole?: StaffRole;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    sid: string;
    /** Absolute expiry of the sign-in, epoch milliseconds: refreshing the cookie never moves it. */
    sessionExpiresAt: number;
    leafUserId?: string;
    staffRole?: StaffRole;
  }
}
