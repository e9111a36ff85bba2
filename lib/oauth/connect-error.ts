import type { ConnectErrorCode } from "@/lib/connections/messages";

/** The one way a connection attempt fails; the URL carries only the code, pages carry the words. */
export class ConnectError extends Error {
  constructor(readonly code: ConnectErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ConnectError";
  }

  /** Errors about the callback request itself answer with a 4xx page; the rest go back to /connections. */
  get refusesRequest(): boolean {
    return this.code === "missing_state" || this.code === "link_expired" || this.code === "mismatch" || this.code === "signed_out";
  }
}
