// Dates as the core stores them (YYYY-MM-DD strings) and as the manager reads them: today's
// date for new fields, whole days and months between two dates for the record's flags (review
// overdue, support not checked for months), and the short phrases the pages show.

/** Today as YYYY-MM-DD in the user's time zone (the default for date fields). */
export function todayIso(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${m}-${d}`;
}

/** Year, month and day of a YYYY-MM-DD date (a timestamp's date part); null for a bad date. */
export function dateParts(iso: string): [number, number, number] | null {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return y && m && d ? [y, m, d] : null;
}

/** `iso` moved by `months` (negative: earlier), the day kept or cut to the month's last: 31 Jan + 1 → 28 Feb. */
export function addMonths(iso: string, months: number): string {
  const p = dateParts(iso);
  if (!p) return iso;
  const first = new Date(Date.UTC(p[0], p[1] - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(p[2], last))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dateParts(from);
  const b = dateParts(to);
  if (!a || !b) return null;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** Whole calendar months from `from` to `to`; 0 for a bad date. */
export function monthsBetween(from: string, to: string): number {
  const a = dateParts(from);
  const b = dateParts(to);
  if (!a || !b) return 0;
  const months = (b[0] - a[0]) * 12 + (b[1] - a[1]);
  return b[2] < a[2] ? months - 1 : months;
}

/** "1 day", "3 days": a count with its word. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

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

/** "2 y 4 mo" from a YYYY-MM-DD date to `today` (time in role, in a table cell). */
export function timeSince(isoDate: string, today: Date = new Date()): string {
  if (!dateParts(isoDate)) return "";
  const months = monthsBetween(isoDate, todayIso(today));
  if (months < 1) return "under a month";
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} mo`;
  return rest === 0 ? `${years} y` : `${years} y ${rest} mo`;
}

/** Month names as every page and export writes them ("Sep", never the "Sept" of some locales). */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Sep" for 9. */
export function shortMonth(month: number): string {
  return MONTHS[month - 1] ?? "";
}

/** A date as the manager reads it: "1 Mar 2024". */
export function formatDate(iso: string): string {
  const p = dateParts(iso);
  if (!p) return iso;
  return `${p[2]} ${shortMonth(p[1])} ${p[0]}`;
}

/** "Thu 26 Nov 2026": a date with its weekday (planning 1:1s, a date field's date in words). */
export function dayDate(iso: string): string {
  const p = dateParts(iso);
  if (!p) return iso;
  return `${WEEKDAYS[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()]} ${p[2]} ${shortMonth(p[1])} ${p[0]}`;
}

/** Whether `text` is a whole, real date as YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(text: string): boolean {
  const p = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dateParts(text) : null;
  return p !== null && new Date(Date.UTC(p[0], p[1] - 1, p[2])).toISOString().slice(0, 10) === text;
}

/** A month as the manager reads it: "Nov 2026". */
export function formatMonth(iso: string): string {
  const p = dateParts(iso);
  if (!p) return iso;
  return `${shortMonth(p[1])} ${p[0]}`;
}
