/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build directories let several checkouts' test runs build side by side.
  distDir: process.env.HEADLAND_DIST_DIR || ".next",
  // These load native code, WASM or worker threads at run time; bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "bcryptjs"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
