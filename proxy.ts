// Security headers on every response, with a fresh CSP nonce per request that Next puts on its own scripts.
import { type NextRequest, NextResponse } from "next/server";
import { localeCookie, pathHeader } from "@/i18n/locales";
import { badAddress } from "@/lib/http/bad-address";

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // 'strict-dynamic' trusts only scripts loaded by a nonced script; eval only for React's dev tooling.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Broken percent-encoding names nothing here, and Next answers a dynamic route's undecodable segment with a
 * 500; nor does a NUL (%00), which no database text can hold.
 */
function undecodablePath(pathname: string): boolean {
  try {
    return decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set(pathHeader, request.nextUrl.pathname);

  const response = undecodablePath(request.nextUrl.pathname)
    ? badAddress(request.headers, request.cookies.get(localeCookie)?.value)
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  // The callback URL carries the authorization code: no referrer may ever repeat it.
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  // No other window (a provider's page, a phishing tab) keeps a handle on ours across the consent flow.
  response.headers.set("cross-origin-opener-policy", "same-origin");
  // The consent start redirects to a URL carrying the state, the callback is reached by one carrying the
  // state and the code: no cache, shared or the browser's own, may keep either answer.
  if (request.nextUrl.pathname.startsWith("/api/connect/")) response.headers.set("cache-control", "no-store");
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
