import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">You can't open this page</h1>
      <p className="mt-2 text-stone-700">
        This page belongs to another account. If you think you should see it, ask the person who invited you.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-field px-4 py-2 text-white">
        Go to your start page
      </Link>
    </main>
  );
}
