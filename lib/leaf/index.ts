import "server-only";
import { config } from "@/lib/config";
import { LeafClient } from "./client";

export { LeafClient } from "./client";
export { isLeafError, LeafError } from "./errors";

const holder = globalThis as typeof globalThis & { __headlandLeaf?: LeafClient };

/** The one Leaf client of this process: its token is shared by every request. */
export function leaf(): LeafClient {
  holder.__headlandLeaf ??= new LeafClient(config().leaf);
  return holder.__headlandLeaf;
}
