import { describe, expect, it } from "vitest";
import { newEndpointInput, urlProblem } from "./endpoints";

describe("endpoint URLs", () => {
  it("must be https in live mode, even to this machine", () => {
    expect(urlProblem("https://crm.example.com/hooks", true)).toBeUndefined();
    expect(urlProblem("http://crm.example.com/hooks", true)).toMatch(/only over https/);
    expect(urlProblem("http://127.0.0.1:5220/hook", true)).toMatch(/even to this machine/);
  });

  it("may be plain http in the sandbox, but never carry a password", () => {
    expect(urlProblem("http://127.0.0.1:5220/hook", false)).toBeUndefined();
    expect(urlProblem("https://user:pw@crm.example.com/hooks", false)).toMatch(/user name and password/);
  });

  it("are parsed with messages an admin can act on", () => {
    const issue = (input: unknown) => newEndpointInput.safeParse(input).error?.issues[0]?.message;
    expect(issue({ url: "crm.example.com", eventTypes: ["connection.broken"] })).toMatch(/full URL/);
    expect(issue({ url: "ftp://crm.example.com", eventTypes: ["connection.broken"] })).toMatch(/full URL/);
    expect(issue({ url: "https://crm.example.com", eventTypes: [] })).toBe("Choose at least one event type.");
    expect(issue({ url: "https://crm.example.com", eventTypes: ["grower.deleted"] })).toBeDefined();
    expect(issue({ url: " https://crm.example.com ", eventTypes: ["grower.invite_opened"] })).toBeUndefined();
  });
});
