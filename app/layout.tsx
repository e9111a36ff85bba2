import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SandboxNotice } from "@/components/sandbox-notice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headland", template: "%s · Headland" },
  description: "Connect your farm accounts so your advisors' tools can sync your data.",
  // public/: a field running to the horizon under a sun; the .ico for browsers that ask for it unprompted.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-icon.png",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#166534" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <SandboxNotice />
        {/* No next-intl client provider here: it is ~12 kB gzip that grower pages, whose words come as props
            from the server, would pay for nothing. Staff pages whose client parts call its hooks wrap those
            parts in <ClientMessages>; the dashboard's get their words as props too. */}
        {children}
      </body>
    </html>
  );
}
