// Rules-of-thumb machine checks in plain words, the same on every page that shows them.
import type { Check, EvidenceKind } from "../bindings";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A machine check in plain words. */
export function describeCheck(c: Check): string {
  switch (c.check) {
    case "top_evidence_in_production":
      return `Their top work (led or co-led, with quantified impact) has run in production for at least ${plural(c.months, "month", "months")} by calibration`;
    case "led_evidence_of_kind":
      return c.kinds.length === 0 ? "They led work of a kind not chosen yet" : `They led ${orList(c.kinds.map((k) => LED_KIND[k]))}`;
    case "positive_mentorship_feedback":
      return `Mentees' feedback in the ${plural(c.months, "month", "months")} before calibration is positive (some positive, none negative)`;
    case "min_advocates":
      return `At least ${plural(c.count, "advocate", "advocates")} with strong or moderate support`;
    case "seen_by_committee":
      return `Their top work has been seen by at least ${plural(c.count, "committee member", "committee members")}`;
  }
}

/** Each kind of evidence as the object of "They led …". */
const LED_KIND: Record<EvidenceKind, string> = {
  project: "a project",
  org_improvement: "an org-level improvement",
  glue_work: "glue work",
  cross_functional_support: "cross-functional support",
  strategy: "a strategy",
  incident: "an incident response",
  unblocking_others: "the unblocking of others' work",
  growing_others: "the growth of others",
  other: "other work",
};

/** "a, b or c". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
