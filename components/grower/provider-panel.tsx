import { checkedTime, shortDay } from "@/components/dashboard/format";
import { StatusBadge } from "@/components/status-badge";
import type { ProviderDetails } from "@/lib/growers/grower-details";
import { staffStatusSentences } from "@/lib/wording/status-words";
import { DeliveryNotice } from "./delivery-notice";
import { RefreshingDisconnect } from "./refreshing-disconnect";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function OrganizationLists({
  providerName,
  organizations,
}: {
  providerName: string;
  organizations: NonNullable<ProviderDetails["organizations"]>;
}) {
  const lists = [
    ["Connected organizations", organizations.connected],
    ["Organizations not connected", organizations.notConnected],
  ] as const;
  return (
    <>
      {lists.map(([title, orgs]) => (
        <section key={title} aria-label={`${providerName} ${title.toLowerCase()}`}>
          <h3 className="mt-3 text-sm font-semibold">{title}</h3>
          {orgs.length ? (
            <ul className="list-inside list-disc text-sm text-stone-700">
              {orgs.map((org) => (
                <li key={org.id}>{org.name}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-700">None</p>
          )}
        </section>
      ))}
    </>
  );
}

/** One provider on the staff's grower page: status, the masked credential, scopes, Leaf's event log. */
export function ProviderPanel({ leafUserId, details }: { leafUserId: string; details: ProviderDetails }) {
  const { provider, snapshot, credential, scopes, events, organizations, leafProblem, delivery } = details;
  const headingId = `provider-${provider.id}`;
  const fields = credential ? Object.entries(credential).filter(([key]) => key !== "scopes") : [];
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {provider.name}
        </h2>
        <StatusBadge status={snapshot.status} />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {staffStatusSentences[snapshot.status]} Since {shortDay(snapshot.since)}; last checked{" "}
        {checkedTime(snapshot.checkedAt)}.
        {snapshot.status === "error" && snapshot.leafStatus && !delivery && <> Leaf says: {snapshot.leafStatus}.</>}
        {snapshot.problem && <> The last check failed: {snapshot.problem}</>}
      </p>
      {delivery && <DeliveryNotice leafUserId={leafUserId} provider={provider} delivery={delivery} />}
      {leafProblem && (
        <p role="alert" className="mt-2 text-sm text-amber-800">
          Leaf could not be asked for the credential: {leafProblem}
        </p>
      )}
      {credential && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Credential at Leaf</h3>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
            {fields.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-stone-500">{key}</dt>
                <dd className="break-all">{show(value)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="mt-3 text-sm font-semibold">Scopes</h3>
          <p className="text-sm text-stone-700">{scopes.length ? scopes.join(" ") : "None reported by Leaf"}</p>
          {organizations && <OrganizationLists providerName={provider.name} organizations={organizations} />}
        </div>
      )}
      {!credential && !leafProblem && (
        <p className="mt-3 text-sm text-stone-600">Leaf holds no credential for {provider.name}.</p>
      )}
      {events.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">Leaf events</h3>
          <table className="mt-1 w-full text-left text-xs">
            <caption className="sr-only">{provider.name} events at Leaf, newest first</caption>
            <thead className="text-stone-500">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Time (UTC)
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1">
                  What Leaf said
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-t border-stone-100">
                  <td className="whitespace-nowrap py-1 pr-3">{checkedTime(e.at)}</td>
                  <td className="py-1 pr-3 tabular-nums">{e.statusCode ?? "—"}</td>
                  <td className="py-1">{e.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(credential || snapshot.status !== "not_connected") && (
        <div className="mt-4">
          <RefreshingDisconnect leafUserId={leafUserId} provider={provider} />
        </div>
      )}
    </section>
  );
}
