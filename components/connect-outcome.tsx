import { type ConnectErrorCode, connectErrorMessage } from "@/lib/connect/connect-error";

interface Props {
  error?: { code: ConnectErrorCode; provider: { id: string; name: string } };
}

/** A consent flow the grower just came back from that failed; a success is worded by the connection list. */
export function ConnectOutcome({ error }: Props) {
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
  return null;
}
