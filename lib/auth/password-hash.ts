import "server-only";
import { compare, hash } from "@node-rs/bcrypt";

// bcrypt, computed natively on libuv's thread pool: a cost-12 comparison takes ~0.4 s of CPU here, and
// bcryptjs did it in JavaScript on the main thread, holding every other request (a grower's callback
// included) for up to 100 ms at a time while a sign-in was checked. Same algorithm and hashes ($2b$): every
// stored hash still verifies.

/** Every staff password is hashed at this cost; ensureStaffAccount rehashes one that is not. */
export const staffHashCost = 12;

/** An object, so a test can watch which hashes are compared. */
export const passwordHash = {
  create: (password: string, cost = staffHashCost): Promise<string> => hash(password, cost),
  matches: (password: string, stored: string): Promise<boolean> => compare(password, stored),
  /** The cost a stored hash was made with ("$2b$12$…" is 12). */
  costOf: (stored: string): number => Number(stored.split("$")[2]),
};
