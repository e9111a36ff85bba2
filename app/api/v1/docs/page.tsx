import type { Metadata } from "next";
import { problemTypes, problemTypeUri } from "@/lib/api/problem";
import { apiReference, type Field } from "@/lib/api/reference";

export const metadata: Metadata = { title: "Partner API reference" };
// Built from the document at request time: its base URL is the instance's APP_URL.
export const dynamic = "force-dynamic";

const cell = "px-3 py-1.5 align-top";
const anchorOf = (type: string) => (/^[A-Z]\w*$/.test(type) ? `#schema-${type}` : undefined);

function TypeName({ type }: { type: string }) {
  const anchor = anchorOf(type.replace(/\[\]$/, ""));
  const code = <code className="font-mono text-xs">{type}</code>;
  return anchor ? <a href={anchor}>{code}</a> : code;
}

function Fields({ fields, caption }: { fields: (Field & { in?: string })[]; caption: string }) {
  if (!fields.length) return null;
  return (
    <table className="mt-2 w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {fields.map((f) => (
          <tr key={`${f.in ?? ""}${f.name}`} className="border-b border-stone-100 last:border-0">
            <td className={`${cell} font-mono text-xs`}>
              {f.name}
              {f.in && <span className="text-stone-500"> ({f.in})</span>}
              {f.required && <span className="text-red-700"> *</span>}
            </td>
            <td className={cell}>
              <TypeName type={f.type} />
            </td>
            <td className={`${cell} text-stone-700`}>{f.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The partner API's reference, rendered on the server from /api/v1/openapi.json; no script, no CDN. */
export default function ApiReferencePage() {
  const reference = apiReference();
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{reference.title}</h1>
        <p className="text-stone-700">{reference.description}</p>
        <p className="text-sm text-stone-700">
          Base URL <code className="font-mono">{reference.baseUrl}</code>. Authenticate with{" "}
          <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. The machine-readable document:{" "}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
          .
        </p>
      </header>
      <section aria-labelledby="operations" className="space-y-6">
        <h2 id="operations" className="text-xl font-semibold">
          Endpoints
        </h2>
        {reference.operations.map((op) => (
          <article key={`${op.method} ${op.path}`} className="rounded-xl border border-stone-200 bg-white p-4">
            <h3 className="font-mono text-sm font-semibold">
              {op.method} {op.path}
            </h3>
            <p className="mt-1 font-medium">{op.summary}</p>
            <p className="text-sm text-stone-700">{op.description}</p>
            <Fields fields={op.parameters} caption={`${op.method} ${op.path} parameters`} />
            {op.body && (
              <p className="mt-2 text-sm">
                Body: <TypeName type={op.body} />
              </p>
            )}
            <ul className="mt-2 space-y-0.5 text-sm">
              {op.responses.map((r) => (
                <li key={r.status}>
                  <span className="font-mono">{r.status}</span> {r.description} {r.type && <TypeName type={r.type} />}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-xl font-semibold">
          Schemas
        </h2>
        {reference.schemas.map((s) => (
          <div key={s.name} id={`schema-${s.name}`}>
            <h3 className="font-mono text-sm font-semibold">{s.name}</h3>
            <p className="text-sm text-stone-700">{s.description || (s.fields.length ? "" : s.type)}</p>
            <Fields fields={s.fields} caption={`${s.name} fields`} />
          </div>
        ))}
      </section>
      <section aria-labelledby="problems" className="space-y-2">
        <h2 id="problems" className="text-xl font-semibold">
          Problems
        </h2>
        <p className="text-sm text-stone-700">
          Every error is <code className="font-mono">application/problem+json</code> (RFC 9457) with type, title, status
          and a detail that says what to do.
        </p>
        <ul className="space-y-1 text-sm">
          {Object.entries(problemTypes).map(([code, p]) => (
            <li key={code} id={problemTypeUri(code as keyof typeof problemTypes).split("#")[1]}>
              <span className="font-mono">{p.status}</span> <code className="font-mono">{code}</code>: {p.title}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
