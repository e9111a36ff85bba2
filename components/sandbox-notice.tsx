import { connection } from "next/server";
import { config } from "@/lib/config";

/** On every page in sandbox mode, so nobody takes the simulator for the real service, or the reverse. */
export async function SandboxNotice() {
  // The running server's mode, read per request: never baked into a page at build time.
  await connection();
  if (!config().sandbox) return null;
  return (
    <div role="note" aria-label="Sandbox mode" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
      <strong>Sandbox mode</strong>: Leaf and the provider sign-ins here are simulated. Do not connect real farm
      accounts.
    </div>
  );
}
