// Long lists a page at a time (a report's 1:1s, their evidence): how many items to show after
// `pages` pages, always enough that the record search or the timeline asked for is on them.

/** How many of `items` to show: `pages` pages of `size`, or more to reach the first item for
 * which `holdsFocus` is true. */
export function shownCount<T>(items: T[], pages: number, size: number, holdsFocus?: (item: T) => boolean): number {
  const base = pages * size;
  if (!holdsFocus) return base;
  const at = items.findIndex(holdsFocus);
  return at < base ? base : Math.ceil((at + 1) / size) * size;
}
