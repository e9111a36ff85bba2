// One table, two layouts: columns from 640 px up; below, each row a card whose cells carry their own
// label, so a phone never hides columns off to the side. The header row stays in the accessibility tree
// (visually hidden), so a screen reader hears the same table at every width and the inline labels are
// hidden from it instead.
export const stacked = {
  table: "block w-full text-left sm:table",
  head: "sr-only sm:not-sr-only sm:table-header-group",
  body: "block sm:table-row-group",
  row: "block border-t py-2 first:border-t-0 sm:table-row sm:py-0 sm:first:border-t",
  cell: "block py-0.5 sm:table-cell",
  label: "font-medium text-stone-500 sm:hidden",
} as const;
