import "server-only";
import { database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { logger } from "@/lib/log";

export interface AuditEntry {
  actor: string;
  action: string;
  outcome: string;
  leafUserId?: string;
  provider?: string;
  detail?: string;
  correlationId?: string;
}

/** Headland's own trail of connection attempts and staff actions. Never holds a secret. */
export async function audit(entry: AuditEntry): Promise<void> {
  try {
    const db = await database();
    await db.insert(auditLog).values(entry);
  } catch (error) {
    // The trail must never break the flow it records.
    logger.error({ err: error, action: entry.action }, "audit write failed");
  }
}
