import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

// The live tables (react-query, about 10 kB gzip) are on these pages only: the grower, sign-in and invite
// pages and the landing page do not load them (see bench/budget.ts). next-intl's client (about 12 kB) is
// not here either: only the pages whose client parts call its hooks load it, through <ClientMessages>; the
// dashboard's get their words as props, and <LocalTime> its locale and zone from the server.
export default function StaffLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
