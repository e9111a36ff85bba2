// POST /api/staff/password: a staff member changes their own password; their other sessions end.
import { z } from "zod";
import { forgiveSignIn, signInKeys, throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { apiError, staffChange } from "@/lib/http/api";
import { clientAddressHeader } from "@/lib/http/client-address";
import { StaffChangeError } from "@/lib/staff/errors";
import { changeOwnPassword } from "@/lib/staff/own-password";
import { maxPasswordLength } from "@/lib/staff/password-rules";
import { refusal } from "@/lib/staff/responses";

const passwords = z.object({
  currentPassword: z.string().max(maxPasswordLength),
  newPassword: z.string().max(maxPasswordLength),
});

export async function POST(request: Request) {
  const viewer = await staffChange(request);
  if (viewer instanceof Response) return viewer;
  if (viewer.role !== "staff") return apiError(403, "forbidden", "Only partner staff can do this.");
  const input = passwords.safeParse(await request.json().catch(() => undefined));
  if (!input.success) return apiError(400, "invalid_input", "Enter your current and your new password.");
  // The current password is checked here too: a borrowed session must not become a way to guess it.
  const keys = signInKeys(viewer.email, request.headers.get(clientAddressHeader) ?? "unknown");
  if (!(await throttleSignIn(keys)))
    return apiError(429, "rate_limited", "Too many attempts. Wait a minute and try again.");
  try {
    await changeOwnPassword(viewer, input.data.currentPassword, input.data.newPassword);
    await forgiveSignIn(keys);
    return Response.json({ ok: true });
  } catch (error) {
    // Only a wrong current password was a guess; a refused new one was not.
    if (!(error instanceof StaffChangeError && error.code === "wrong_password")) await forgiveSignIn(keys);
    return refusal(error);
  }
}
