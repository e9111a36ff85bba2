"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** Where the language switch brings the viewer back to: this page, rendered into the form on the server too. */
export function LanguageReturnPath() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={search ? `${pathname}?${search}` : pathname} />;
}
