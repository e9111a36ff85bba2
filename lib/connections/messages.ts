// Plain words for growers and staff, shared by server and client components.

export const connectErrorCodes = [
  "access_denied",
  "authorize_failed",
  "missing_state",
  "link_expired",
  "mismatch",
  "signed_out",
  "exchange_failed",
  "no_refresh_token",
  "provider_unavailable",
  "leaf_rejected",
] as const;
export type ConnectErrorCode = (typeof connectErrorCodes)[number];

/** What happened and what to do next, for a connection attempt that ended badly. */
export function connectErrorMessage(code: ConnectErrorCode, providerName: string): { title: string; sentence: string } {
  switch (code) {
    case "access_denied":
      return { title: `${providerName} was not connected`, sentence: `You chose not to allow access, so nothing was shared. Press “Connect ${providerName}” whenever you are ready.` };
    case "authorize_failed":
      return { title: `${providerName} could not finish signing you in`, sentence: `${providerName} stopped the sign-in. Try again; if it keeps happening, tell the person who invited you.` };
    case "missing_state":
    case "link_expired":
      return { title: "This sign-in link has expired", sentence: `It was already used or is more than 30 minutes old. Go back to your connections and press “Connect ${providerName}” to start again.` };
    case "mismatch":
      return { title: "This sign-in belongs to another session", sentence: `It was started in another browser, by another account or for another provider. Go back to your connections and start again here.` };
    case "signed_out":
      return { title: "You are signed out", sentence: "Open the invite link you were sent to sign in again, then connect your account." };
    case "exchange_failed":
      return { title: `${providerName} did not accept the sign-in`, sentence: `This happens when a sign-in takes too long or is used twice. Press “Connect ${providerName}” to try again.` };
    case "no_refresh_token":
      return { title: `${providerName} did not grant ongoing access`, sentence: `Headland needs permission to keep your data syncing. Try again and allow every permission ${providerName} asks for.` };
    case "provider_unavailable":
      return { title: `${providerName} is not answering`, sentence: `Nothing was saved. Try again in a few minutes.` };
    case "leaf_rejected":
      return { title: `${providerName} could not be saved`, sentence: `Our data partner refused the connection. The people who invited you can see why; try again later or contact them.` };
  }
}

export const connectionStatuses = ["not_connected", "pending", "processing", "ok", "reauth", "missing_permission", "unavailable", "error"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** Contract: the words growers and staff see for each status. */
export const statusWords: Record<ConnectionStatus, string> = {
  not_connected: "Not connected",
  pending: "Saving",
  processing: "Processing",
  ok: "Connected",
  reauth: "Needs reconnect",
  missing_permission: "Missing permissions",
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
  unavailable: "The provider is having trouble right now. Nothing to do; we will keep checking.",
  error: "Something went wrong saving this connection. Try reconnecting.",
};

/** The same statuses as staff need them: what is wrong and how to get it fixed. */
export const staffStatusSentences: Record<ConnectionStatus, string> = {
  not_connected: "The grower has not connected this account. Send them their invite link.",
  pending: "The grower connected it; Headland is still saving it to Leaf.",
  processing: "Leaf is checking the credential with the provider; this takes a few seconds.",
  ok: "Leaf holds a working credential and the data is syncing.",
  reauth: "Access was revoked or expired. Ask the grower to reconnect: send them their invite link.",
  missing_permission: "The account is missing permissions (for John Deere, often an organization not selected). Ask the grower to reconnect and allow everything.",
  unavailable: "The provider is having trouble; Leaf keeps trying. Nothing to do.",
  error: "This connection could not be saved or checked; the reason is below. Retry, or ask the grower to reconnect.",
};

/** States that change by themselves soon, so screens showing them should poll. */
export function isSettling(status: ConnectionStatus): boolean {
  return status === "pending" || status === "processing";
}
