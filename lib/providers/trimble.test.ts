// Trimble's organization step decides where the grower's browser goes next: only Trimble Ag's own pages qualify.
import { describe, expect, it } from "vitest";
import { trimble } from "./trimble";
import type { ProviderSettings } from "./types";

const back = "http://localhost:3000/connections?connected=trimble";
const settings = (organizationsUrl: string, authorizeUrl = "https://id.trimble.com/oauth/authorize") =>
  ({
    clientId: "client-1",
    clientSecret: "secret",
    authorizeUrl,
    tokenUrl: "",
    issuer: "",
    options: { applicationName: "app", organizationsUrl },
  }) as ProviderSettings<"applicationName" | "organizationsUrl">;
const next = (s: ReturnType<typeof settings>) =>
  trimble.afterConsent!({ accessToken: "at", refreshToken: "rt" }, s, back);

describe("Trimble's organization step", () => {
  it("sends the grower to Trimble Ag's page with the client id and the way back", async () => {
    const page = trimble.options.organizationsUrl.default!;
    const target = new URL((await next(settings(page)))!);
    expect(`${target.origin}${target.pathname}`).toBe(page);
    expect(target.searchParams.get("clientid")).toBe("client-1");
    expect(target.searchParams.get("redirectionUrl")).toBe(back);
  });

  it("follows a page on the authorization server's own origin (the sandbox, in sandbox mode)", async () => {
    const sandbox = "http://127.0.0.1:4010";
    const target = await next(
      settings(
        `${sandbox}/trimble/ThirdPartyAccess/ThirdPartyAuthorizationRedirect`,
        `${sandbox}/trimble/oauth/authorize`,
      ),
    );
    expect(target).toMatch(/^http:\/\/127\.0\.0\.1:4010\/trimble\/ThirdPartyAccess\/.*clientid=client-1/);
  });

  it.each([
    "http://www.trimbleag.com/ThirdPartyAccess/ThirdPartyAuthorizationRedirect",
    "https://www.trimbleag.com.evil.example/ThirdPartyAccess",
    "https://eviltrimbleag.com/ThirdPartyAccess",
    "https://user:pass@www.trimbleag.com/ThirdPartyAccess",
    "http://127.0.0.1:1/ThirdPartyAccess",
  ])("leaves the grower on Headland for anything else: %s", async (page) => {
    expect(await next(settings(page))).toBeUndefined();
  });
});
