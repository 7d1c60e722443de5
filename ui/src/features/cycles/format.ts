// Words and colours the cycle pages show: countdowns, the readiness call, reviewer roles,
// signal severities and the rules' machine checks.
import type { CheckStatus, CommitteeMember, Readiness, ReviewerRole, Severity } from "../../bindings";
import { daysBetween, formatDate, monthsBetween, todayIso } from "../../lib/dates";
import { labelOf } from "../../lib/labels";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "4 months", "1 year 2 months", "3 weeks", "5 days" for a span of `days` ≥ 1 from `from` to `to`. */
function span(days: number, from: string, to: string): string {
  if (days < 14) return plural(days, "day");
  if (days < 60) return plural(Math.floor(days / 7), "week");
  const months = monthsBetween(from, to);
  if (months < 12) return plural(months, "month");
  const rest = months % 12;
  return `${plural(Math.floor(months / 12), "year")}${rest ? ` ${plural(rest, "month")}` : ""}`;
}

/** How far `date` is from `today`: "in 4 months", "today", "3 weeks ago". */
export function countdown(date: string, today: string = todayIso()): string {
  const days = daysBetween(today, date);
  if (days === null) return "";
  if (days === 0) return "today";
  return days > 0 ? `in ${span(days, today, date)}` : `${span(-days, date, today)} ago`;
}

export const READINESS: { value: Readiness; label: string; color: string; hint: string }[] = [
  { value: "ready", label: "Ready", color: "teal", hint: "The packet goes to this calibration" },
  { value: "not_ready", label: "Not ready", color: "orange", hint: "Say why, which cycle instead, and what will be done" },
  { value: "not_interested", label: "Not interested", color: "gray", hint: "They do not want to go up this cycle" },
  { value: "undecided", label: "Undecided", color: "blue", hint: "No call made yet" },
];

export function readinessOf(r: Readiness) {
  return READINESS.find((x) => x.value === r) ?? { value: r, label: r, color: "gray", hint: "" };
}

export const REVIEWER_ROLES: { value: ReviewerRole; label: string }[] = [
  { value: "staff_peer", label: "Staff-level peer" },
  { value: "manager", label: "Manager" },
  { value: "skip_level", label: "Skip-level" },
  { value: "staff_plus", label: "Other staff-plus engineer" },
];

/** The reviews every packet needs before calibration (the radar flags each one missing). */
export const KEY_ROLES: ReviewerRole[] = ["staff_peer", "manager", "skip_level"];

export function roleLabel(role: ReviewerRole): string {
  return labelOf(REVIEWER_ROLES, role);
}

export const SEVERITIES: { value: Severity; label: string; color: string }[] = [
  { value: "high", label: "High", color: "red" },
  { value: "medium", label: "Medium", color: "orange" },
  { value: "low", label: "Low", color: "yellow" },
];

export function severityColor(s: Severity): string {
  return SEVERITIES.find((x) => x.value === s)?.color ?? "gray";
}

export const CHECK_STATUS: Record<CheckStatus, { label: string; color: string }> = {
  met: { label: "Met", color: "teal" },
  unmet: { label: "Unmet", color: "red" },
  unknown: { label: "Unknown", color: "gray" },
};

/** What a machine check tests, in words (the core's Check::describe). */
/** "96 days before calibration" for a signal's lead time. */
export function leadTime(days: number | null): string {
  if (days === null) return "";
  if (days < 0) return `${plural(-days, "day")} after calibration`;
  return `${plural(days, "day")} before calibration`;
}

/** "3 versions", "no draft". */
export function packetStatus(versions: number): string {
  return versions === 0 ? "no draft" : plural(versions, "version");
}

/** Well-formed YYYY-MM-DD (the core judges whether the date exists). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Members who joined after the cycle opened, with the day they joined. */
export function lateJoiners(committee: CommitteeMember[]): (CommitteeMember & { joinedOn: string })[] {
  return committee.filter((m): m is CommitteeMember & { joinedOn: string } => m.joinedOn !== null);
}

/** "Omar Haddad, Nina Patel (joined 1 Sep 2026)". */
export function committeeNames(committee: CommitteeMember[]): string {
  return committee.map((m) => (m.joinedOn ? `${m.person.name} (joined ${formatDate(m.joinedOn)})` : m.person.name)).join(", ");
}
