import { createHash } from "node:crypto";

// RFC 7636 §4.1–4.2: a verifier is 43–128 unreserved characters; an S256 challenge is 43 base64url ones.
const verifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
const challengePattern = /^[A-Za-z0-9_-]{43}$/;

export type PkceRequest = { challenge?: string } | { error: string };

/** Reads code_challenge(_method) from an authorize request; only S256 is accepted, `plain` protects nothing. */
export function readPkce(params: URLSearchParams, required: boolean): PkceRequest {
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (!challenge) {
    if (required) return { error: "PKCE is required: send code_challenge with code_challenge_method=S256" };
    return method ? { error: "code_challenge_method without code_challenge" } : {};
  }
  if (method !== "S256") return { error: "code_challenge_method must be S256" };
  if (!challengePattern.test(challenge)) return { error: "code_challenge is not a base64url SHA-256 digest" };
  return { challenge };
}

export function verifierMatches(verifier: string, challenge: string): boolean {
  return verifierPattern.test(verifier) && createHash("sha256").update(verifier).digest("base64url") === challenge;
}
