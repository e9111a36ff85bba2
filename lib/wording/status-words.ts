// What growers and staff read for each connection status, shared by server and client components.
import type { ConnectionStatus } from "@/lib/connections/status";

/** Contract: the words growers and staff see for each status. */
export const statusWords: Record<ConnectionStatus, string> = {
  not_connected: "Not connected",
  pending: "Saving",
  processing: "Processing",
  ok: "Connected",
  reauth: "Needs reconnect",
  missing_permission: "Missing permissions",
  no_organizations: "Connected, sharing nothing",
  unavailable: "Provider unavailable",
  error: "Error",
};

export const statusSentences: Record<ConnectionStatus, string> = {
  not_connected: "Connect your account so your data can sync.",
  pending: "Your account is connected; we are saving it with our data partner. You don't need to do anything.",
  processing: "Checking your account with the provider. This takes a few seconds.",
  ok: "Your data is syncing.",
  reauth: "Access was revoked or expired. Reconnect to resume syncing.",
  missing_permission: "Access is missing some permissions. Reconnect and allow everything that is asked.",
  no_organizations: "No farm data will flow until you choose at least one organization.",
  unavailable: "The provider is having trouble right now. Nothing to do; we will keep checking.",
  error: "Something went wrong saving this connection. Try reconnecting.",
};

/** What a grower whose credential shares nothing reads, naming the provider, and the button that fixes it. */
export const chooseOrganizationsSentence = (providerName: string) =>
  `No farm data will flow until you choose at least one organization in ${providerName}.`;
export const chooseOrganizationsLabel = (providerName: string) => `Choose organizations in ${providerName}`;

/** The same statuses as staff need them: what is wrong and how to get it fixed. */
export const staffStatusSentences: Record<ConnectionStatus, string> = {
  not_connected: "The grower has not connected this account. Send them their invite link.",
  pending: "The grower connected it; Headland is still saving it to Leaf.",
  processing: "Leaf is checking the credential with the provider; this takes a few seconds.",
  ok: "Leaf holds a working credential and the data is syncing.",
  reauth: "Access was revoked or expired. Ask the grower to reconnect: send them their invite link.",
  missing_permission:
    "The account is missing permissions (often an organization not selected). " +
    "Ask the grower to reconnect and allow everything.",
  no_organizations:
    "The grower connected the account but shares no organization with it, so no data flows. " +
    "Ask them to open Headland and choose at least one organization.",
  unavailable: "The provider is having trouble; Leaf keeps trying. Nothing to do.",
  error: "This connection could not be saved or checked; the reason is below. Retry, or ask the grower to reconnect.",
};
