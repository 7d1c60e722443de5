// Words the UI shows for the core's values (DOMAIN.md vocabulary).
import type {
  Archetype,
  Assessment,
  Brief,
  EvidenceKind,
  EvidenceRole,
  FeedbackSource,
  MandateStatus,
  RecordKind,
  Relationship,
  Sentiment,
  TeamStrength,
  SupportStrength,
  TimelineKind,
  VisibilityChannel,
  WorkMix,
} from "../bindings";

export const ARCHETYPES: { value: Archetype; label: string; hint: string }[] = [
  { value: "tech_lead", label: "Tech Lead", hint: "Guides one team's approach and execution" },
  { value: "architect", label: "Architect", hint: "Owns direction of a technical area across teams" },
  { value: "solver", label: "Solver", hint: "Takes on whatever leadership worries about most" },
  { value: "right_hand", label: "Right Hand", hint: "Extends a senior leader's reach" },
  { value: "unclear", label: "Unclear", hint: "Not yet clear: worth discussing" },
];

export function archetypeLabel(a: Archetype): string {
  return ARCHETYPES.find((x) => x.value === a)?.label ?? a;
}

export const TEAM_STRENGTHS: { value: TeamStrength; label: string }[] = [
  { value: "strong", label: "Strong team (work belongs to the team)" },
  { value: "weak", label: "Weak team (work belongs to individuals)" },
];

export function teamStrengthLabel(s: TeamStrength): string {
  return s === "strong" ? "Strong team" : "Weak team";
}

// ---- The staff record ----

type Options<T extends string> = { value: T; label: string }[];

export const RELATIONSHIPS: Options<Relationship> = [
  { value: "my_org", label: "In my org" },
  { value: "peer", label: "Peer (manager or org)" },
  { value: "skip_level", label: "Skip-level (my manager)" },
  { value: "leadership", label: "Leadership" },
  { value: "cross_functional", label: "Cross-functional partner" },
  { value: "other", label: "Other" },
  { value: "report", label: "My report" },
];

export const ASSESSMENTS: Options<Assessment> = [
  { value: "yes", label: "Yes" },
  { value: "partly", label: "Partly" },
  { value: "no", label: "No" },
  { value: "unknown", label: "Don't know" },
];

export const MANDATE_STATUSES: Options<MandateStatus> = [
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
  { value: "dropped", label: "Dropped" },
];

export const EVIDENCE_KINDS: Options<EvidenceKind> = [
  { value: "project", label: "Project" },
  { value: "org_improvement", label: "Org-level improvement" },
  { value: "glue_work", label: "Glue work" },
  { value: "cross_functional_support", label: "Cross-functional support" },
  { value: "strategy", label: "Strategy" },
  { value: "incident", label: "Incident" },
  { value: "unblocking_others", label: "Unblocking others" },
  { value: "growing_others", label: "Growing others" },
  { value: "other", label: "Other" },
];

export const EVIDENCE_ROLES: Options<EvidenceRole> = [
  { value: "led", label: "Led" },
  { value: "co_led", label: "Co-led" },
  { value: "contributed", label: "Contributed" },
  { value: "advised", label: "Advised" },
];

export const WORK_MIXES: Options<WorkMix> = [
  { value: "untagged", label: "Untagged" },
  { value: "high_leverage", label: "High-leverage" },
  { value: "snacking", label: "Snacking (easy, no longer moves anything)" },
  { value: "preening", label: "Preening (high-status, low-impact)" },
  { value: "chasing_ghosts", label: "Chasing ghosts (another company's problem)" },
];

export const CHANNELS: Options<VisibilityChannel> = [
  { value: "demo", label: "Demo" },
  { value: "doc", label: "Doc" },
  { value: "incident_review", label: "Incident review" },
  { value: "skip_one_on_one", label: "1:1 with the skip-level" },
  { value: "presentation", label: "Presentation" },
  { value: "review", label: "Review" },
  { value: "other", label: "Other" },
];

export const STRENGTHS: Options<SupportStrength> = [
  { value: "strong", label: "Strong" },
  { value: "moderate", label: "Moderate" },
  { value: "weak", label: "Weak" },
  { value: "unknown", label: "Unknown" },
];

export const FEEDBACK_SOURCES: Options<FeedbackSource> = [
  { value: "mentee", label: "The mentee, directly" },
  { value: "mentee_manager", label: "The mentee's manager" },
  { value: "survey", label: "A survey" },
];

export const SENTIMENTS: Options<Sentiment> = [
  { value: "positive", label: "Positive" },
  { value: "mixed", label: "Mixed" },
  { value: "negative", label: "Negative" },
];

export const TIMELINE_KINDS: Options<TimelineKind> = [
  { value: "role_started", label: "Role" },
  { value: "mandate_set", label: "Mandate set" },
  { value: "mandate_ended", label: "Mandate ended" },
  { value: "evidence_started", label: "Evidence" },
  { value: "evidence_ended", label: "Evidence finished" },
  { value: "in_production", label: "In production" },
  { value: "seen", label: "Seen by" },
  { value: "advocate_checked", label: "Advocate checked" },
  { value: "mentorship_started", label: "Mentoring started" },
  { value: "mentorship_ended", label: "Mentoring ended" },
  { value: "feedback", label: "Mentee feedback" },
];

export const RECORD_KINDS: Options<RecordKind> = [
  { value: "report", label: "Report" },
  { value: "person", label: "Person" },
  { value: "mandate", label: "Mandate" },
  { value: "evidence", label: "Evidence" },
  { value: "visibility", label: "Visibility" },
  { value: "advocate", label: "Advocate" },
  { value: "mentorship", label: "Mentorship" },
  { value: "feedback", label: "Mentee feedback" },
  { value: "manager_change", label: "Manager change" },
  { value: "cycle", label: "Cycle" },
  { value: "candidate", label: "Candidacy" },
  { value: "packet_version", label: "Packet version" },
  { value: "review", label: "Packet review" },
  { value: "rule", label: "Rule of thumb" },
  { value: "ladder_change", label: "Ladder change" },
  { value: "meeting", label: "1:1" },
  { value: "note", label: "1:1 note" },
  { value: "agenda_item", label: "Agenda item" },
  { value: "action_item", label: "Action item" },
];

/** The label of `value` among `options` (the value itself if unknown). */
export function labelOf<T extends string>(options: Options<T>, value: T): string {
  return options.find((o) => o.value === value)?.label ?? value;
}

// ---- Exports ----

/** The two documents an export can be (the committee brief is the default: nothing private). */
export const BRIEFS: { value: Brief; label: string; hint: string }[] = [
  {
    value: "committee",
    label: "Committee brief",
    hint: "The case for each candidate, to hand to the room: no radar risks, nothing private",
  },
  {
    value: "manager",
    label: "Manager's brief",
    hint: "For you: everything, with the radar's risks and what you did about each",
  },
];

export function briefLabel(b: Brief): string {
  return BRIEFS.find((x) => x.value === b)?.label ?? b;
}
