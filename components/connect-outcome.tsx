import { type ConnectErrorCode, connectErrorMessage } from "@/lib/connect/connect-error";

interface Props {
  error?: { code: ConnectErrorCode; provider: { id: string; name: string } };
  connected?: { id: string; name: string };
}

/** The result of the consent flow the grower just came back from. */
export function ConnectOutcome({ error, connected }: Props) {
  if (error) {
    const { title, sentence } = connectErrorMessage(error.code, error.provider.name);
    return (
      <div role="alert" className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4">
        <p className="font-medium text-red-900">{title}</p>
        <p className="mt-1 text-red-800">{sentence}</p>
        <a
          href={`/api/connect/${error.provider.id}`}
          className="mt-3 inline-block rounded-lg bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
        >
          Try again
        </a>
      </div>
    );
  }
  if (connected) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-green-200 bg-green-50 p-4 text-green-900">
        Thanks! {connected.name} is linked. We are checking it with the provider now.
      </div>
    );
  }
  return null;
}
