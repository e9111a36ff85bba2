/** What a staff action said when it finished: its outcome, or why it failed. */
export function ActionResult({ done, error }: { done?: string; error?: string }) {
  return (
    <>
      {done && (
        <p role="status" className="text-sm text-stone-700">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
