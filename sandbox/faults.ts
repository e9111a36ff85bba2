import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Catalog } from "./catalog";

/** Leaf, or a provider by id. */
export type FaultTarget = string;

export const faultSpec = (catalog: Catalog) =>
  z.strictObject({
    target: z.enum(["leaf", ...catalog.specs.map((spec) => spec.id)]),
    mode: z.enum(["status", "timeout", "slow", "reset", "answer"]),
    /** For `answer`: a 200 (or a redirect) that is no token response, as a broken or hostile server sends. */
    answer: z.enum(["not-json", "array", "unknown-token-type", "redirect", "oversized"]).optional(),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().max(600_000).optional(),
    rate: z.number().min(0).max(1).default(1),
    count: z.number().int().positive().optional(),
    path: z.string().min(1).optional(),
    /** Only this method: a status read (the sweep, an alert) must not spend a fault aimed at a POST. */
    method: z.enum(["GET", "POST", "DELETE"]).optional(),
  });
export type FaultSpec = z.output<ReturnType<typeof faultSpec>>;

export interface Fault extends FaultSpec {
  id: string;
  /** How many more requests this fault may hit; undefined means no limit. */
  remaining: number | undefined;
}

/** Faults in the order they were added; the first one that matches a request (and wins its roll) applies. */
export class FaultList {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: randomUUID(), remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** Picks the fault for this request, if any, and counts it against its `count`. */
  pick(target: FaultTarget, method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.target === target &&
        f.remaining !== 0 &&
        (!f.method || f.method === method) &&
        (!f.path || path.includes(f.path)) &&
        Math.random() < f.rate,
    );
    if (fault && fault.remaining !== undefined) fault.remaining -= 1;
    return fault;
  }
}
