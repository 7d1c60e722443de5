// Grouping timeline entries by year and month, newest first.
import type { TimelineEntry } from "../../bindings";
import { shortMonth } from "../../lib/dates";

export type MonthGroup = { key: string; label: string; entries: TimelineEntry[] };
export type YearGroup = { year: string; months: MonthGroup[] };

function monthName(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number);
  if (!y || !m) return yearMonth;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-GB", { month: "long", timeZone: "UTC" });
}

/** "12 Mar" from "2024-03-12" (the year is in the heading above). */
export function dayAndMonth(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${shortMonth(m)}`;
}

export function groupByYearAndMonth(entries: TimelineEntry[]): YearGroup[] {
  const sorted = [...entries].sort((a, b) => b.date.localeCompare(a.date));
  const years: YearGroup[] = [];
  for (const entry of sorted) {
    const year = entry.date.slice(0, 4);
    const key = entry.date.slice(0, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) {
      y = { year, months: [] };
      years.push(y);
    }
    let month = y.months[y.months.length - 1];
    if (!month || month.key !== key) {
      month = { key, label: monthName(key), entries: [] };
      y.months.push(month);
    }
    month.entries.push(entry);
  }
  return years;
}
