import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SandboxNotice } from "@/components/sandbox-notice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Headland", template: "%s · Headland" },
  description: "Connect your farm accounts so your advisors' tools can sync your data.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#166534" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SandboxNotice />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
