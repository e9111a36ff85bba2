import { describe, expect, it, vi } from "vitest";
import { later, settled } from "./later";

describe("later", () => {
  it("runs work after the current turn, and settled() waits for it and for work it starts", async () => {
    const order: string[] = [];
    later("first", async () => {
      order.push("first");
      later("second", async () => {
        await new Promise((r) => setTimeout(r, 20));
        order.push("second");
      });
    });
    order.push("sync");
    await settled();
    expect(order).toEqual(["sync", "first", "second"]);
  });

  it("logs a failure instead of throwing it at whoever scheduled the work", async () => {
    const { logger } = await import("@/lib/log");
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    later("failing", async () => {
      throw new Error("database gone");
    });
    await settled();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ work: "failing" }), "deferred write failed");
    error.mockRestore();
  });
});
