// How often the manager means to hold a 1:1 with a report (Report.oneOnOneEveryDays), in the
// words the report form and the 1:1 pages use, and when the radar calls 1:1s lapsed.

/** What the core assumes when the form sends none (model::report::DEFAULT_ONE_ON_ONE_DAYS). */
export const DEFAULT_CADENCE_DAYS = 14;

/** The usual cadences, offered first; any other number of days (1 to 92) is typed. */
export const CADENCES: { days: number; label: string }[] = [
  { days: 7, label: "Weekly" },
  { days: 14, label: "Every two weeks" },
  { days: 21, label: "Every three weeks" },
  { days: 30, label: "Monthly (every 30 days)" },
];

/** "Every two weeks", "Monthly", "Every 10 days", "Every day". */
export function cadenceLabel(days: number): string {
  if (days === 30) return "Monthly";
  const known = CADENCES.find((c) => c.days === days);
  if (known) return known.label;
  return days === 1 ? "Every day" : `Every ${days} days`;
}

/** Days after the last 1:1 before the radar raises "No recent 1:1": one and a half cadences, rounded up (radar::view::lapse_days). */
export function lapseDays(days: number): number {
  const every = Math.max(1, days);
  return every + Math.ceil(every / 2);
}
