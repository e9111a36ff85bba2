import "server-only";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "@/i18n/catalog";
import { pickNamespaces } from "@/i18n/catalog";

/**
 * Wrap the client components that call useTranslations(namespace) in this, from a server component:
 * only these namespaces (and "common") travel to the browser, not the whole catalog. Passing the words
 * as props from a server component costs the browser nothing at all, and is the first choice.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages, ["common", ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
