"use client";

import { useRouter } from "next/navigation";
import { DisconnectButton, type DisconnectWords } from "@/components/disconnect-button";

/** Disconnect on the staff page: once Leaf has deleted the credential, the whole page shows it. */
export function RefreshingDisconnect({
  leafUserId,
  provider,
  words,
}: {
  leafUserId: string;
  provider: { id: string; name: string };
  words: DisconnectWords;
}) {
  const router = useRouter();
  return <DisconnectButton leafUserId={leafUserId} provider={provider} onDone={() => router.refresh()} words={words} />;
}
