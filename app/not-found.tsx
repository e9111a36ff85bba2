import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-stone-700">The link may be mistyped or out of date.</p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-field px-4 py-2 text-white">
        Go to your start page
      </Link>
    </main>
  );
}
