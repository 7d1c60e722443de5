// Rules-of-thumb machine checks in plain words, the same on every page that shows them.
import type { Check } from "../bindings";
import { EVIDENCE_KINDS, labelOf } from "./labels";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A machine check in plain words. */
export function describeCheck(c: Check): string {
  switch (c.check) {
    case "top_evidence_in_production":
      return `Their top work (led or co-led, with quantified impact) has run in production for at least ${plural(c.months, "month", "months")} by calibration`;
    case "led_evidence_of_kind":
      return `They led at least one piece of work of the kind “${labelOf(EVIDENCE_KINDS, c.kind)}”`;
    case "positive_mentorship_feedback":
      return `Mentees' feedback in the ${plural(c.months, "month", "months")} before calibration is positive (some positive, none negative)`;
    case "min_advocates":
      return `At least ${plural(c.count, "advocate", "advocates")} with strong or moderate support`;
    case "seen_by_committee":
      return `Their top work has been seen by at least ${plural(c.count, "committee member", "committee members")}`;
  }
}
