import { describe, expect, it } from "vitest";
import { passwordHash, staffHashCost } from "./password-hash";

// Made by bcryptjs, which hashed staff passwords before: every stored hash must still verify.
const madeByBcryptjs = "$2b$04$q3w4KkkGxk4Lc5eTLgQ.pO5Ejvbotf3F9uP3ULoVtkOlpCYUOPREy";

describe("passwordHash", () => {
  it("verifies a hash bcryptjs made, in its $2b$ and $2a$ spellings, and refuses a wrong password", async () => {
    expect(await passwordHash.matches("kept across the switch", madeByBcryptjs)).toBe(true);
    expect(await passwordHash.matches("kept across the switch", madeByBcryptjs.replace("$2b$", "$2a$"))).toBe(true);
    expect(await passwordHash.matches("Kept across the switch", madeByBcryptjs)).toBe(false);
  });

  it("hashes at the staff cost unless told otherwise, salted afresh each time", async () => {
    const [a, b] = await Promise.all([passwordHash.create("same"), passwordHash.create("same", 4)]);
    expect(passwordHash.costOf(a)).toBe(staffHashCost);
    expect(passwordHash.costOf(b)).toBe(4);
    expect(await passwordHash.create("same", 4)).not.toBe(b);
    expect(await passwordHash.matches("same", a)).toBe(true);
  });

  it("keeps the main thread free while it compares", async () => {
    const stored = await passwordHash.create("slow on purpose");
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - last);
      last = performance.now();
    }, 1);
    await passwordHash.matches("a guess", stored);
    clearInterval(ticker);
    // bcryptjs held it for ~100 ms at a time; native bcrypt runs on the thread pool. The bound is loose on
    // purpose (a busy machine delays timers): it fails only when the comparison runs on this thread.
    expect(longestGap).toBeLessThan(60);
  });
});
