import { cookies } from "next/headers";

// next-auth's double-submit cookie: "<token>|<hash>"; the __Host- name is the one it uses over https.
const csrfCookies = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

/**
 * A plain form POST to next-auth's sign-out (which ends the session's row, see lib/auth/options), not
 * next-auth's client: that is about 12 kB gzip on every signed-in page, and a form works before the page's
 * JavaScript has loaded. Without the CSRF cookie (a browser that dropped it) next-auth asks to confirm.
 */
export async function SignOutButton({ label, callbackUrl = "/signin" }: { label: string; callbackUrl?: string }) {
  const jar = await cookies();
  const csrfToken = csrfCookies.map((name) => jar.get(name)?.value.split("|")[0]).find(Boolean) ?? "";
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className="text-sm text-stone-600 underline-offset-2 hover:underline">
        {label}
      </button>
    </form>
  );
}
