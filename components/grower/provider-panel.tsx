import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import type { TokenLapse } from "@/lib/connections/expiry";
import type { ConnectionStatus } from "@/lib/connections/status";
import type { ProviderDetails } from "@/lib/growers/grower-details";
import { LocalTime } from "@/lib/i18n/local-time";
import { staffStatusSentences, statusWords } from "@/lib/wording/status-words";
import { CredentialFields } from "./credential-fields";
import { DeliveryNotice } from "./delivery-notice";
import { LeafEvents } from "./leaf-events";
import { RefreshingDisconnect } from "./refreshing-disconnect";
import { TokenExpiry } from "./token-expiry";

/** Where a token's lapse matters: Leaf holds a credential that still works, or will once it settles. */
const lapseMatters = new Set<ConnectionStatus>(["ok", "processing", "missing_permission", "no_organizations"]);

async function OrganizationLists({
  providerName,
  organizations,
}: {
  providerName: string;
  organizations: NonNullable<ProviderDetails["organizations"]>;
}) {
  const t = await getTranslations("grower-detail.provider");
  const lists = [
    [
      t("organizationsConnected"),
      t("organizationsConnectedRegion", { provider: providerName }),
      organizations.connected,
    ],
    [
      t("organizationsNotConnected"),
      t("organizationsNotConnectedRegion", { provider: providerName }),
      organizations.notConnected,
    ],
  ] as const;
  return (
    <>
      {lists.map(([title, region, orgs]) => (
        <section key={title} aria-label={region}>
          <h3 className="mt-3 text-sm font-semibold">{title}</h3>
          {orgs.length ? (
            <ul className="list-inside list-disc text-sm text-stone-700">
              {orgs.map((org) => (
                <li key={org.id}>{org.name}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-700">{t("none")}</p>
          )}
        </section>
      ))}
    </>
  );
}

interface Props {
  leafUserId: string;
  details: ProviderDetails;
  /** When the token lapses unused, for providers whose tokens do (Climate's). */
  lapse?: { lapse: TokenLapse; lapseDays: number };
}

/** One provider on the staff's grower page: status, the masked credential, scopes, Leaf's event log. */
export async function ProviderPanel({ leafUserId, details, lapse }: Props) {
  const [t, d] = await Promise.all([
    getTranslations("grower-detail.provider"),
    getTranslations("grower-detail.disconnect"),
  ]);
  const { provider, snapshot, credential, scopes, events, organizations, leafProblem, delivery } = details;
  const headingId = `provider-${provider.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {provider.name}
        </h2>
        <StatusBadge status={snapshot.status} label={statusWords[snapshot.status]} />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {staffStatusSentences[snapshot.status]}{" "}
        {t.rich("since", {
          day: () => <LocalTime value={snapshot.since} style="date" />,
          checked: () => <LocalTime value={snapshot.checkedAt} />,
        })}
        {snapshot.status === "error" && snapshot.leafStatus && !delivery && (
          <> {t("leafSays", { status: snapshot.leafStatus })}</>
        )}
        {snapshot.problem && <> {t("lastCheckFailed", { problem: snapshot.problem })}</>}
      </p>
      {lapse && lapseMatters.has(snapshot.status) && (
        <TokenExpiry provider={provider} lapse={lapse.lapse} lapseDays={lapse.lapseDays} />
      )}
      {delivery && <DeliveryNotice leafUserId={leafUserId} provider={provider} delivery={delivery} />}
      {leafProblem && (
        <p role="alert" className="mt-2 text-sm text-amber-800">
          {t("leafUnreachable", { problem: leafProblem })}
        </p>
      )}
      {credential && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">{t("credentialHeading")}</h3>
          <CredentialFields credential={credential} />
          <h3 className="mt-3 text-sm font-semibold">{t("scopesHeading")}</h3>
          <p className="break-words text-sm text-stone-700">{scopes.length ? scopes.join(" ") : t("noScopes")}</p>
          {organizations && <OrganizationLists providerName={provider.name} organizations={organizations} />}
        </div>
      )}
      {!credential && !leafProblem && (
        <p className="mt-3 text-sm text-stone-600">{t("noCredential", { provider: provider.name })}</p>
      )}
      {events.length > 0 && <LeafEvents providerName={provider.name} events={events} />}
      {(credential || snapshot.status !== "not_connected") && (
        <div className="mt-4">
          <RefreshingDisconnect
            leafUserId={leafUserId}
            provider={provider}
            words={{
              disconnect: d("button", { provider: provider.name }),
              confirmLabel: d("confirmLabel", { provider: provider.name }),
              question: d("question", { provider: provider.name }),
              yes: d("yes"),
              busy: d("busy"),
              cancel: d("cancel"),
            }}
          />
        </div>
      )}
    </section>
  );
}
