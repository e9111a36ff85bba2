import { createHmac, timingSafeEqual } from "node:crypto";

// The purpose is part of what is signed, so a grower's link cannot be passed off as a staff invite.
export type InvitePurpose = "invite" | "staff-invite";

const mac = (secret: string, inviteId: string, purpose: InvitePurpose) =>
  createHmac("sha256", secret).update(`${purpose}:${inviteId}`).digest("base64url");

/** An invite link token: the invite's id and its HMAC, so it can be shown again and revoked in the database. */
export function signInviteToken(secret: string, inviteId: string, purpose: InvitePurpose = "invite"): string {
  return `${inviteId}.${mac(secret, inviteId, purpose)}`;
}

/** The invite id, if the token is one Headland signed; says nothing about expiry or revocation. */
export function verifyInviteToken(
  secret: string,
  token: string,
  purpose: InvitePurpose = "invite",
): string | undefined {
  const [inviteId, signature, ...rest] = token.split(".");
  if (!inviteId || !signature || rest.length > 0 || !/^[0-9a-f-]{36}$/.test(inviteId)) return undefined;
  const expected = Buffer.from(mac(secret, inviteId, purpose));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? inviteId : undefined;
}
