import "server-only";
import pino from "pino";

/**
 * Structured logs. Every field that can carry a secret is redacted wherever it appears, so a token
 * that slips into a log call still never reaches a log line.
 */
const redactedFields = [
  "access_token",
  "refresh_token",
  "id_token",
  "client_secret",
  "code",
  "code_verifier",
  "state",
  "accessToken",
  "refreshToken",
  "idToken",
  "clientSecret",
  "codeVerifier",
  "apiKey",
  "password",
  "token",
  "authorization",
  "cookie",
  "sealed",
];

const paths = redactedFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "headland" },
  redact: { paths, censor: "[redacted]" },
});
