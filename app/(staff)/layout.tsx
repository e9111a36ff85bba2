import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

// The live tables (react-query, about 10 kB gzip) and next-intl's client (locale and time zone for
// LocalTime, about 12 kB; words travel only where <ClientMessages> asks) are on these pages only: the
// grower, sign-in and invite pages and the landing page do not load them (see bench/budget.ts).
export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider messages={{}}>
      <Providers>{children}</Providers>
    </NextIntlClientProvider>
  );
}
