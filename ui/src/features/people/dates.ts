// Date arithmetic on the core's YYYY-MM-DD strings, for the flags the record shows (review
// overdue, support not checked for months). Shared by the mandate and advocates features.
import { todayIso } from "../../lib/labels";

function utc(iso: string): number | null {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return null;
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = utc(from);
  const b = utc(to);
  return a === null || b === null ? null : Math.round((b - a) / 86_400_000);
}

/** Whole calendar months from `from` to `to`. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  if (!y1 || !m1 || !d1 || !y2 || !m2 || !d2) return 0;
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return months;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 months ago", "1 year 2 months ago", "today". */
export function ago(iso: string, today: string = todayIso()): string {
  const months = monthsBetween(iso, today);
  if (months < 1) {
    const days = daysBetween(iso, today) ?? 0;
    if (days <= 0) return "today";
    return `${plural(days, "day")} ago`;
  }
  if (months < 12) return `${plural(months, "month")} ago`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${plural(years, "year")}${rest ? ` ${plural(rest, "month")}` : ""} ago`;
}
