// Words and colours for the radar's signals, and where each signal sits in time: how long
// before calibration (or before the as-of date, for a report who is not a candidate) it
// first fired.
import type { Severity, Signal, SignalRule } from "../../bindings";
import { daysBetween } from "../../lib/dates";

export const SEVERITIES: { value: Severity; label: string; color: string }[] = [
  { value: "high", label: "High", color: "red" },
  { value: "medium", label: "Medium", color: "orange" },
  { value: "low", label: "Low", color: "blue" },
];

export function severityColor(s: Severity): string {
  return SEVERITIES.find((x) => x.value === s)?.color ?? "gray";
}

/** Each rule of the radar in a few words (the stable id is shown beside it). */
export const RULE_LABELS: Record<SignalRule, string> = {
  "packet.no_draft": "No packet draft",
  "packet.no_staff_peer_review": "No staff-peer review",
  "packet.no_manager_review": "No manager review",
  "packet.no_skip_level_review": "No skip-level review",
  "rule_of_thumb.unmet": "Rule of thumb unmet",
  "rule_of_thumb.unchecked": "Rule of thumb unchecked",
  "visibility.high_impact_unseen": "High-impact work unseen",
  "visibility.seen_share_low": "Little of the work seen",
  "mentorship.negative_unaddressed": "Negative mentee feedback",
  "mandate.missing": "No mandate",
  "mandate.review_overdue": "Mandate review overdue",
  "mandate.no_priority": "Mandate tied to no priority",
  "archetype.mismatch": "Archetype mismatch",
  "archetype.unclear": "Archetype unclear",
  "cycle.manager_changed": "Manager changed in cycle",
  "cycle.ladder_changed": "Ladder changed in cycle",
  "evidence.duplicate_lead": "Two people claim the lead",
  "work_mix.drift": "Work mix drifting",
  "evidence.thin": "Thin evidence",
  "evidence.unquantified": "Unquantified impact",
  "advocates.none": "No advocate",
  "one_on_one.lapsed": "No recent 1:1",
  "record.unreadable": "Record cannot be read",
};

/** What the radar looks at, for the empty state. */
export const RADAR_CHECKS = [
  "the packet: a draft months ahead, and reviews by a staff-level peer, you and the skip-level",
  "the rules of thumb in the register that apply to the candidacy",
  "whether the people who decide have seen the high-impact work",
  "mentees' negative feedback nobody has acted on",
  "the mandate: missing, overdue for review, or tied to no company priority",
  "the archetype they work as against the one needed",
  "a manager or ladder change inside the cycle",
  "two people both claiming to have led the same work",
  "work drifting to snacking, preening or chasing ghosts; thin or unquantified evidence",
  "nobody ready to speak for the work",
  "1:1s that lapsed: more than one and a half times the report's 1:1 cadence since the last one",
  "stored records it cannot read (named, so you can correct them)",
];

/** Days from when the signal first fired to the reference date (calibration, else as-of). */
export function daysBefore(s: Signal, reference: string): number {
  return s.leadTimeDays ?? daysBetween(s.since, reference) ?? 0;
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "appeared 132 days before calibration", "appeared on calibration day", "active for 40 days". */
export function leadPhrase(s: Signal, reference: string, candidate: boolean): string {
  const n = daysBefore(s, reference);
  if (!candidate) return n <= 0 ? "first fired on the as-of date" : `active for ${days(n)} by the as-of date`;
  if (n === 0) return "appeared on calibration day";
  return n > 0 ? `appeared ${days(n)} before calibration` : `appeared ${days(-n)} after calibration`;
}
