import { describe, expect, it } from "vitest";
import { maskSecret, maskSecrets } from "./mask";

describe("maskSecret", () => {
  it("keeps the last 4 characters of a long secret", () => {
    expect(maskSecret("cfv_rt_0123456789abcdef3f9a")).toBe("••••3f9a");
  });
  it("keeps nothing of a short one", () => {
    expect(maskSecret("abc12345")).toBe("••••");
  });
});

describe("maskSecrets", () => {
  const credential = {
    id: "c1",
    status: "OK",
    createdTime: "2026-11-03T10:00:00.000000Z",
    clientId: "headland-climate",
    clientKey: "headland-deere-key-0001",
    clientSecret: "s3cr3t-value-aaaa",
    apiKey: "climate-api-key-bbbb",
    accessToken: "cfv_at_abcdefghijkl",
    refreshToken: "cfv_rt_mnopqrstuvwx",
    tokenId: "token-id-1234567",
    tokenSecretKey: "token-secret-key-99",
    clientEnvironment: "STAGE",
    scopes: ["fields:read", "asPlanted:read"],
    nested: {
      password: "hunter2-hunter2",
      header: "Bearer abcdefghijklmnop",
      jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_value_x",
    },
    secrets: [{ value: "one-secret-value" }],
  };
  const masked = maskSecrets(credential) as typeof credential;

  it("masks every documented secret field", () => {
    expect(masked).toMatchObject({
      clientSecret: "••••aaaa",
      apiKey: "••••bbbb",
      accessToken: "••••ijkl",
      refreshToken: "••••uvwx",
      tokenId: "••••4567",
      tokenSecretKey: "••••y-99",
      clientKey: "••••0001",
    });
  });

  it("masks secret-like fields and values at any depth", () => {
    expect(masked.nested).toEqual({ password: "••••ter2", header: "••••mnop", jwt: "••••ue_x" });
    expect(masked.secrets).toEqual([{ value: "••••alue" }]);
  });

  it("leaves identifiers, statuses and scopes readable", () => {
    expect(masked).toMatchObject({
      id: "c1",
      status: "OK",
      clientId: "headland-climate",
      clientEnvironment: "STAGE",
      scopes: ["fields:read", "asPlanted:read"],
    });
  });

  it("lets no raw secret through", () => {
    const text = JSON.stringify(masked);
    for (const raw of [
      "s3cr3t-value-aaaa",
      "climate-api-key-bbbb",
      "cfv_at_abcdefghijkl",
      "cfv_rt_mnopqrstuvwx",
      "token-id-1234567",
      "token-secret-key-99",
      "hunter2-hunter2",
      "one-secret-value",
    ]) {
      expect(text).not.toContain(raw);
    }
  });
});
