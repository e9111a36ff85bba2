import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

// The live tables (react-query, about 10 kB gzip) are on these pages only; the sign-in and invite pages
// and the landing page do not load it (see bench/budget.ts).
export default function LiveDataLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
