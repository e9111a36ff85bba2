import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { InviteSignIn, type InviteSignInWords } from "@/components/invite-sign-in";
import { SiteHeader } from "@/components/site-header";
import { readerChoice } from "@/i18n/reader";
import { inspectInvite } from "@/lib/auth/invites";
import { currentViewer, type Viewer } from "@/lib/auth/viewer";
import { rememberGrowerLocale } from "@/lib/i18n/grower-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), referrer: "no-referrer" };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"invite">>>;

/** Who this browser is signed in as, when that is not the grower the link is for. */
function otherSession(t: Translate, viewer: Viewer | undefined, leafUserId: string): string | undefined {
  if (!viewer || (viewer.role === "grower" && viewer.leafUserId === leafUserId)) return undefined;
  return viewer.role === "staff"
    ? t("someoneElse.staff", { email: viewer.email })
    : viewer.name || t("someoneElse.grower");
}

function confirmWords(t: Translate, grower: { name: string; email: string }, other?: string): InviteSignInWords {
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const { name, email } = grower;
  return {
    heading: t("confirm.heading", { name }),
    who: email ? t.rich("confirm.whoWithEmail", { name, email, strong }) : t.rich("confirm.who", { name, strong }),
    replacing: other && t("confirm.replacing", { other, name }),
    continue: t("confirm.continue", { name }),
    busy: t("confirm.busy"),
    stay: other && t("confirm.stay", { other }),
    failed: t("confirm.failed"),
  };
}

// Opening the link uses nothing and signs nobody in: the page names whose accounts are being connected
// and the grower confirms, so a forwarded link does not silently land someone in another's account.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await params).token);
  const [invite, viewer, t, chosen] = await Promise.all([
    inspectInvite(token),
    currentViewer(),
    getTranslations("invite"),
    readerChoice(),
  ]);
  // The language the grower asked for here (switch or browser) is the one their later emails are written
  // in; a page shown in the remembered language (the one staff chose) leaves that as it is.
  if (invite.grower && chosen) await rememberGrowerLocale(invite.grower.leafUserId, chosen);
  const alreadyIn = invite.grower && viewer?.role === "grower" && viewer.leafUserId === invite.grower.leafUserId;
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main className="mx-auto max-w-md px-4 py-12">
        {invite.ended ? (
          <>
            <h1 className="text-2xl font-semibold text-field">{t("ended.heading")}</h1>
            <p className="mt-2 text-stone-700">
              {t(`ended.${invite.ended}`)} {t("ended.ask")}
            </p>
          </>
        ) : alreadyIn ? (
          <>
            <h1 className="break-words text-2xl font-semibold text-field">
              {t("alreadyIn.heading", { name: invite.grower.name })}
            </h1>
            <Link
              href="/connections"
              className="mt-4 inline-block rounded-lg bg-field px-4 py-2 font-medium text-white"
            >
              {t("alreadyIn.action")}
            </Link>
          </>
        ) : (
          <InviteSignIn
            token={token}
            words={confirmWords(t, invite.grower, otherSession(t, viewer, invite.grower.leafUserId))}
          />
        )}
      </main>
    </>
  );
}
