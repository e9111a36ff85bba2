// Staff and growers at the HTTP level, as a browser speaks to the app and the sandbox's consent page.

import { sandboxStaffAccount } from "@/lib/sandbox-defaults";
import { staffCookie } from "@/lib/seeding/staff-cookie";

export interface Grower {
  leafUserId: string;
  /** The session cookie of the grower's own sign-in through their invite link. */
  cookie: string;
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

export function signInStaff(appUrl: string): Promise<string> {
  return staffCookie(appUrl, sandboxStaffAccount.email, sandboxStaffAccount.password);
}

/** Staff add a grower (which creates the Leaf user); returns the Leaf user id and the invite link. */
export async function addGrower(appUrl: string, staff: string, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@farm.test`;
  const response = await fetch(`${appUrl}/api/growers`, {
    method: "POST",
    headers: { cookie: staff, origin: appUrl, "content-type": "application/json" },
    body: JSON.stringify({ name, email }),
  });
  if (response.status !== 201) throw new Error(`adding ${name}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { leafUserId: string; inviteUrl: string };
}

/** The grower's "Continue as …" on the invite landing page: one use of the link, a session of their own. */
export async function signInGrower(appUrl: string, inviteUrl: string): Promise<string> {
  const token = decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!);
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${appUrl}/api/auth/callback/invite`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: appUrl },
    body: new URLSearchParams({ csrfToken, token, json: "true" }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session"));
  if (!session) throw new Error(`grower sign-in failed (${signIn.status})`);
  return session;
}

export async function newGrowers(appUrl: string, staff: string, count: number, label: string): Promise<Grower[]> {
  const growers: Grower[] = [];
  for (let i = 0; i < count; i++) {
    const { leafUserId, inviteUrl } = await addGrower(appUrl, staff, `${label} ${process.pid} ${i}`);
    growers.push({ leafUserId, cookie: await signInGrower(appUrl, inviteUrl) });
  }
  return growers;
}

/** The app's consent start: the provider's authorize URL it redirects to. */
export async function startConsent(appUrl: string, grower: Grower, providerId: string): Promise<URL> {
  const start = await fetch(`${appUrl}/api/connect/${providerId}`, {
    redirect: "manual",
    headers: { cookie: grower.cookie },
  });
  await start.arrayBuffer();
  const location = start.headers.get("location");
  if (start.status !== 303 || !location) throw new Error(`consent start answered ${start.status}`);
  return new URL(location);
}

/** The grower's "Allow" on the sandbox's consent page: the callback URL, with its code, not yet visited. */
export async function allowAtProvider(authorize: URL): Promise<URL> {
  const decision = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), decision: "allow" }),
  });
  await decision.arrayBuffer();
  const location = decision.headers.get("location");
  if (decision.status !== 302 || !location) throw new Error(`the consent page answered ${decision.status}`);
  return new URL(location);
}

/** Start and "Allow": the callback URL the provider sends the grower back with. */
export async function consentCallback(appUrl: string, grower: Grower, providerId: string): Promise<URL> {
  return allowAtProvider(await startConsent(appUrl, grower, providerId));
}
