// The language catalog's request config lives in i18n/request.ts (next-intl's default place).
const withNextIntl = require("next-intl/plugin")();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build directories let several checkouts' test runs build side by side.
  distDir: process.env.HEADLAND_DIST_DIR || ".next",
  // These load native code, WASM or worker threads at run time; bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "@node-rs/bcrypt"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
