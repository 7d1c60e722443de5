// Dates as 1:1s read them: the weekday with the date ("Thu 26 Nov 2026"), how far a date is
// from today ("tomorrow", "in 5 days", "3 weeks ago"), and day arithmetic for plans.
import { dateParts, daysBetween, todayIso } from "../../lib/dates";

/** `iso` moved by `days` (negative: earlier), as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const p = dateParts(iso);
  if (!p) return iso;
  return new Date(Date.UTC(p[0], p[1] - 1, p[2] + days)).toISOString().slice(0, 10);
}

/** "Thu 26 Nov 2026": the day of the week matters when planning 1:1s (one home: lib/dates). */
export { dayDate } from "../../lib/dates";

/** "today", "tomorrow", "in 5 days", "yesterday", "3 weeks ago". */
export function relativeDay(iso: string, today: string = todayIso()): string {
  const n = daysBetween(today, iso);
  if (n === null) return "";
  if (n === 0) return "today";
  if (n === 1) return "tomorrow";
  if (n === -1) return "yesterday";
  const abs = Math.abs(n);
  const span = abs < 14 ? `${abs} days` : `${Math.round(abs / 7)} weeks`;
  return n > 0 ? `in ${span}` : `${span} ago`;
}

/** Whether a due date has passed (an action item not done by then). */
export function isOverdue(dueOn: string | null, today: string = todayIso()): boolean {
  return dueOn !== null && dueOn < today;
}
