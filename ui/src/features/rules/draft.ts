// The rules-of-thumb register's words (where a rule was said, the machine checks) and the rule
// form's values with their conversion to the draft the core validates.
import type { Archetype, Check, EvidenceKind, LevelId, RuleDraft, RuleOfThumb, RuleSource } from "../../bindings";
import { todayIso } from "../../lib/dates";

export const RULE_SOURCES: { value: RuleSource; label: string }[] = [
  { value: "review_comment", label: "Review comment" },
  { value: "past_calibration", label: "Past calibration" },
  { value: "conversation", label: "Conversation" },
  { value: "other", label: "Other" },
];

type CheckKind = Check["check"];

/** The five machine checks: what each needs, in words, and a sensible starting value. */
export const CHECK_KINDS: { value: CheckKind; label: string; param: string | null; start: number }[] = [
  { value: "top_evidence_in_production", label: "Top work has run in production long enough", param: "Months in production by calibration", start: 12 },
  { value: "led_evidence_of_kind", label: "Has led work of certain kinds (“has a staff project”)", param: null, start: 0 },
  { value: "positive_mentorship_feedback", label: "Mentees' recent feedback is positive", param: "Months of feedback before calibration", start: 12 },
  { value: "min_advocates", label: "Enough advocates", param: "Advocates with strong or moderate support", start: 2 },
  { value: "seen_by_committee", label: "Top work seen by the committee", param: "Committee members who saw it", start: 2 },
];

export type RuleFormValues = {
  wording: string;
  saidById: string;
  saidOn: string;
  source: string;
  sourceDetail: string;
  /** "confirmed" or "hearsay". */
  standing: string;
  levels: LevelId[];
  archetypes: string[];
  retired: boolean;
  /** The machine check's kind; "" for none. */
  check: string;
  /** The months or count of the check, as the number input holds it. */
  checkNumber: number | string;
  /** The kinds of evidence the "led evidence of a kind" check accepts (any one counts). */
  checkEvidenceKinds: string[];
};

export function emptyRule(): RuleFormValues {
  return {
    wording: "",
    saidById: "",
    saidOn: todayIso(),
    source: "",
    sourceDetail: "",
    standing: "hearsay",
    levels: [],
    archetypes: [],
    retired: false,
    check: "",
    checkNumber: "",
    checkEvidenceKinds: ["project"],
  };
}

export function formFromRule(r: RuleOfThumb): RuleFormValues {
  const c = r.check;
  return {
    wording: r.wording,
    saidById: r.saidBy?.id ?? "",
    saidOn: r.saidOn,
    source: r.source,
    sourceDetail: r.sourceDetail,
    standing: r.confirmed ? "confirmed" : "hearsay",
    levels: [...r.levels],
    archetypes: [...r.archetypes],
    retired: r.retired,
    check: c?.check ?? "",
    checkNumber: !c ? "" : "months" in c ? c.months : "count" in c ? c.count : "",
    checkEvidenceKinds: c?.check === "led_evidence_of_kind" ? [...c.kinds] : ["project"],
  };
}

/** An emptied or unreadable number goes as 0, for the core to reject in words. */
function whole(v: number | string): number {
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) && String(v).trim() !== "" ? n : 0;
}

export function checkOf(v: RuleFormValues): Check | null {
  const n = whole(v.checkNumber);
  switch (v.check) {
    case "top_evidence_in_production":
      return { check: "top_evidence_in_production", months: n };
    case "positive_mentorship_feedback":
      return { check: "positive_mentorship_feedback", months: n };
    case "min_advocates":
      return { check: "min_advocates", count: n };
    case "seen_by_committee":
      return { check: "seen_by_committee", count: n };
    case "led_evidence_of_kind":
      return { check: "led_evidence_of_kind", kinds: v.checkEvidenceKinds as EvidenceKind[] };
    default:
      return null;
  }
}

export function ruleDraft(v: RuleFormValues): RuleDraft {
  return {
    wording: v.wording,
    saidById: v.saidById || null,
    saidOn: v.saidOn,
    source: (v.source || null) as RuleSource | null,
    sourceDetail: v.sourceDetail,
    confirmed: v.standing === "confirmed",
    levels: v.levels,
    archetypes: v.archetypes as Archetype[],
    retired: v.retired,
    check: checkOf(v),
  };
}
