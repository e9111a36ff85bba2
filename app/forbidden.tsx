import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { currentViewer } from "@/lib/auth/viewer";

export default async function Forbidden() {
  const [t, viewer] = await Promise.all([getTranslations("common.forbidden"), currentViewer()]);
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-md px-4 py-12">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-stone-700">{t("body")}</p>
        <Link href="/" className="mt-6 inline-block rounded-lg bg-field px-4 py-2 text-white">
          {t("home")}
        </Link>
      </main>
    </>
  );
}
