import { describe, expect, it } from "vitest";
import { recentlyComputed } from "./recently-computed";

describe("recentlyComputed", () => {
  it("reuses a value for its key until it is too old", async () => {
    const remember = recentlyComputed<number>(1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await remember("a", compute, 0)).toBe(1);
    expect(await remember("a", compute, 999)).toBe(1);
    expect(await remember("b", compute, 999)).toBe(2);
    expect(await remember("a", compute, 1000)).toBe(3);
  });

  it("forgets a failure at once, and the oldest key once it holds too many", async () => {
    const remember = recentlyComputed<string>(1000, 2);
    await expect(remember("x", () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await remember("x", async () => "up", 1)).toBe("up");
    await remember("y", async () => "y", 2);
    await remember("z", async () => "z", 3);
    expect(await remember("x", async () => "recounted", 4)).toBe("recounted");
  });
});
