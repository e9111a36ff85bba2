import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabaseOrExit } from "./server-start";

class Exited extends Error {}

describe("openDatabaseOrExit", () => {
  afterEach(() => vi.restoreAllMocks());

  it("stops start-up once, with one line naming the cause, when the database cannot open", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.fn((code: number): never => {
      throw new Exited(String(code));
    });
    const open = () => Promise.reject(new Error("ENOENT: no such file or directory, mkdir '/nowhere/pglite'"));
    await expect(openDatabaseOrExit(open, exit)).rejects.toThrow(Exited);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(printed).toHaveBeenCalledOnce();
    expect(printed.mock.calls[0]![0]).toMatch(/^Headland cannot start: the database did not open: ENOENT.*\/nowhere/);
  });

  it("carries on when it opens", async () => {
    const exit = vi.fn((): never => {
      throw new Exited();
    });
    await openDatabaseOrExit(() => Promise.resolve(), exit);
    expect(exit).not.toHaveBeenCalled();
  });
});
