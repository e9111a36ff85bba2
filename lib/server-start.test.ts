import { afterEach, describe, expect, it, vi } from "vitest";
import { mustStart } from "./server-start";

class Exited extends Error {}

describe("mustStart", () => {
  afterEach(() => vi.restoreAllMocks());

  it("stops start-up once, with one line naming the cause, when the database cannot open", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.fn((code: number): never => {
      throw new Exited(String(code));
    });
    const open = () => Promise.reject(new Error("ENOENT: no such file or directory, mkdir '/nowhere/pglite'"));
    await expect(mustStart("the database did not open", open, exit)).rejects.toThrow(Exited);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(printed).toHaveBeenCalledOnce();
    expect(printed.mock.calls[0]![0]).toMatch(/^Headland cannot start: the database did not open: ENOENT.*\/nowhere/);
  });

  it("names a failed query without the parameters that follow it, which can be secrets", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.fn((code: number): never => {
      throw new Exited(String(code));
    });
    const cause = new Error("too many parameters");
    const failed = new Error('Failed query: insert into "staff" values ($1)\nparams: hunter2-secret', { cause });
    await expect(mustStart("start-up failed", () => Promise.reject(failed), exit)).rejects.toThrow(Exited);
    const line =
      'Headland cannot start: start-up failed: Failed query: insert into "staff" values ($1): too many parameters';
    expect(printed).toHaveBeenCalledExactlyOnceWith(line);
  });

  it("carries on when it opens", async () => {
    const exit = vi.fn((): never => {
      throw new Exited();
    });
    await mustStart("the database did not open", () => Promise.resolve(), exit);
    expect(exit).not.toHaveBeenCalled();
  });
});
