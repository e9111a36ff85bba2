import { createHmac, type KeyObject, sign } from "node:crypto";

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signHs256(claims: object, key: Buffer): string {
  const input = `${segment({ alg: "HS256", typ: "JWT" })}.${segment(claims)}`;
  return `${input}.${createHmac("sha256", key).update(input).digest("base64url")}`;
}

export function signRs256(claims: object, key: KeyObject, kid: string): string {
  const input = `${segment({ alg: "RS256", typ: "JWT", kid })}.${segment(claims)}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), key).toString("base64url")}`;
}
