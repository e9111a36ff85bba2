import { createHmac, timingSafeEqual } from "node:crypto";

const mac = (secret: string, inviteId: string) =>
  createHmac("sha256", secret).update(`invite:${inviteId}`).digest("base64url");

/** An invite link token: the invite's id and its HMAC, so it can be shown again and revoked in the database. */
export function signInviteToken(secret: string, inviteId: string): string {
  return `${inviteId}.${mac(secret, inviteId)}`;
}

/** The invite id, if the token is one Headland signed; says nothing about expiry or revocation. */
export function verifyInviteToken(secret: string, token: string): string | undefined {
  const [inviteId, signature, ...rest] = token.split(".");
  if (!inviteId || !signature || rest.length > 0 || !/^[0-9a-f-]{36}$/.test(inviteId)) return undefined;
  const expected = Buffer.from(mac(secret, inviteId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? inviteId : undefined;
}
