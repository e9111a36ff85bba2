"use client";

import { useRouter } from "next/navigation";
import { DisconnectButton } from "@/components/disconnect-button";

/** Disconnect on the staff page: once Leaf has deleted the credential, the whole page shows it. */
export function RefreshingDisconnect({
  leafUserId,
  provider,
}: {
  leafUserId: string;
  provider: { id: string; name: string };
}) {
  const router = useRouter();
  return <DisconnectButton leafUserId={leafUserId} provider={provider} onDone={() => router.refresh()} />;
}
