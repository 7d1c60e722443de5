// How well a report's support is known, in one line and per advocate.
import type { Advocate } from "../../bindings";
import { ago, monthsBetween, todayIso } from "../../lib/dates";

/** Support confirmed longer ago than this is flagged as stale. */
export const STALE_MONTHS = 6;

/** "never checked", "checked over 6 months ago", or null when recently confirmed. */
export function checkFlag(lastChecked: string | null, today: string = todayIso()): string | null {
  if (!lastChecked) return "never checked";
  return monthsBetween(lastChecked, today) >= STALE_MONTHS ? `checked over ${STALE_MONTHS} months ago` : null;
}

/** "2 advocates, 1 strong; support last checked 3 months ago". */
export function summaryLine(advocates: Advocate[], today: string = todayIso()): string {
  const n = advocates.length;
  const strong = advocates.filter((a) => a.strength === "strong").length;
  const checked = advocates
    .map((a) => a.lastChecked)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  const count = `${n} ${n === 1 ? "advocate" : "advocates"}, ${strong === 0 ? "none" : strong} strong`;
  return `${count}; ${checked ? `support last checked ${ago(checked, today)}` : "support never checked"}`;
}
