/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load native code, WASM or worker threads at run time; bundling them breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "bcryptjs"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
