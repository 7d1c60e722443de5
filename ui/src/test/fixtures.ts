// Typed data for component tests: the default ladder (as seeded by migration 0001) and a few
// reports on it, shaped exactly as the bindings return them.
import type { AppInfo, LadderLevel, LevelRef, Report, ReportGlance, Today, TrellisError, VisibilityGaps } from "../bindings";

export const LADDER: LadderLevel[] = [
  { id: "01900000-0000-7000-8000-000000000001", name: "Senior", rank: 1, reportCount: 0 },
  { id: "01900000-0000-7000-8000-000000000002", name: "Staff", rank: 2, reportCount: 1 },
  { id: "01900000-0000-7000-8000-000000000003", name: "Senior Staff", rank: 3, reportCount: 2 },
  { id: "01900000-0000-7000-8000-000000000004", name: "Principal", rank: 4, reportCount: 1 },
  { id: "01900000-0000-7000-8000-000000000005", name: "Distinguished", rank: 5, reportCount: 0 },
];

/** The ladder level called `name`, as other records reference it. */
export function level(name: string): LevelRef {
  const found = LADDER.find((l) => l.name === name);
  if (!found) throw new Error(`no level ${name} in the fixture ladder`);
  return { id: found.id, name: found.name, rank: found.rank };
}

export function levelId(name: string): string {
  return level(name).id;
}

/** Staff aiming for Senior Staff, working as a Solver where an Architect is needed. */
export const ADA: Report = {
  id: "r-ada",
  personId: "p-ada",
  name: "Ada Lovelace",
  currentLevel: level("Staff"),
  targetLevel: level("Senior Staff"),
  team: "Payments",
  inRoleSince: "2023-03-01",
  archetypeWorked: "solver",
  archetypeNeeded: "architect",
  teamStrength: "weak",
  notes: "Leads the ledger migration.",
  archivedAt: null,
  oneOnOneEveryDays: 14,
  version: 3,
  createdAt: "2024-01-10T09:00:00Z",
  updatedAt: "2024-06-01T09:00:00Z",
};

/** Senior Staff with no promotion target, working as the Tech Lead the team needs. */
export const GRACE: Report = {
  id: "r-grace",
  personId: "p-grace",
  name: "Grace Hopper",
  currentLevel: level("Senior Staff"),
  targetLevel: level("Senior Staff"),
  team: "Compilers",
  inRoleSince: "2021-09-15",
  archetypeWorked: "tech_lead",
  archetypeNeeded: "tech_lead",
  teamStrength: "strong",
  notes: "",
  archivedAt: null,
  oneOnOneEveryDays: 7,
  version: 1,
  createdAt: "2024-02-01T09:00:00Z",
  updatedAt: "2024-02-01T09:00:00Z",
};

/** Today with nothing in it but `roster` (by default nobody): the welcome's and the empty cards' day. */
export function todayWith(roster: ReportGlance[] = [], over: Partial<Today> = {}): Today {
  return {
    asOf: "2026-11-15",
    previousVisit: null,
    oneOnOnes: [],
    newSignals: [],
    standingHigh: [],
    overdueActions: [],
    mandateReviews: [],
    deadlines: [],
    roster,
    ...over,
  };
}

/** A report at a glance with nothing open, no candidacy and no 1:1 ahead. */
export function quietGlance(report: { id: string; name: string }): ReportGlance {
  return { reportId: report.id, reportName: report.name, high: 0, medium: 0, low: 0, readiness: null, nextOneOnOne: null };
}

export const APP_INFO: AppInfo = {
  version: "0.1.0",
  dataDir: "/tmp/trellis-test",
  dataDirSource: "flag",
  dbFile: "/tmp/trellis-test/trellis.sqlite3",
  demo: false,
  startupError: null,
  damage: null,
  notices: [],
  locked: false,
  encrypted: false,
  dailyBackupPending: false,
};

/** A command's successful result. */
export function ok<T>(data: T): { status: "ok"; data: T } {
  return { status: "ok", data };
}

/** A command's typed failure. */
export function fail(error: TrellisError): { status: "error"; error: TrellisError } {
  return { status: "error", error };
}

/** A validation failure naming the given fields. */
export function invalid(message: string, fields: Record<string, string>) {
  return fail({
    kind: "validation",
    message,
    fields: Object.entries(fields).map(([field, m]) => ({ field, message: m })),
  });
}

/** A report with no evidence yet: nothing unseen, no skip-level recorded, no committee. */
export const NO_GAPS: VisibilityGaps = {
  skipLevels: [],
  unseenBySkipLevel: [],
  committee: null,
  unseenByCommittee: [],
  evidenceCount: 0,
};

// ---- Evidence and visibility (features/evidence) ----
type EvPerson = import("../bindings").Person;
type EvEvidence = import("../bindings").Evidence;


/** People around Ada's evidence: her skip-level and a co-owner. */
export const EV_SKIP: EvPerson = {
  id: "p-margaret",
  name: "Margaret Hamilton",
  title: "Director of Engineering",
  relationship: "skip_level",
  notes: "",
  reportId: null,
  version: 1,
  createdAt: "2024-01-01T09:00:00Z",
  updatedAt: "2024-01-01T09:00:00Z",
};
export const EV_COOWNER: EvPerson = { ...EV_SKIP, id: "p-alan", name: "Alan Turing", title: "Senior engineer", relationship: "my_org" };
export const EV_ADA_PERSON: EvPerson = { ...EV_SKIP, id: ADA.personId, name: ADA.name, title: "Staff engineer", relationship: "report", reportId: ADA.id };

/** Led, quantified, in production, with a link and seen by the skip-level. */
export const EV_LEDGER: EvEvidence = {
  id: "e-ledger",
  reportId: ADA.id,
  title: "Ledger migration",
  description: "Moved every balance to the new ledger.",
  startedOn: "2024-02-01",
  endedOn: "2024-09-30",
  kind: "project",
  role: "led",
  coOwners: [{ id: EV_COOWNER.id, name: EV_COOWNER.name, title: EV_COOWNER.title, relationship: "my_org" }],
  impact: "Month-end close from 5 days to 1",
  links: [{ url: "https://docs.example.com/ledger-design", label: "Design doc" }],
  inProductionSince: "2024-10-01",
  archetype: "architect",
  workMix: "high_leverage",
  flagship: true,
  visibility: [
    {
      id: "v-ledger-1",
      evidenceId: "e-ledger",
      person: { id: EV_SKIP.id, name: EV_SKIP.name, title: EV_SKIP.title, relationship: "skip_level" },
      channel: "demo",
      detail: "Q3 platform review",
      seenOn: "2024-10-15",
      version: 1,
      createdAt: "2024-10-15T09:00:00Z",
      updatedAt: "2024-10-15T09:00:00Z",
    },
  ],
  version: 2,
  createdAt: "2024-02-01T09:00:00Z",
  updatedAt: "2024-10-15T09:00:00Z",
};

/** Ongoing glue work with no stated impact, tagged as snacking, seen by nobody. */
export const EV_ONCALL: EvEvidence = {
  ...EV_LEDGER,
  id: "e-oncall",
  title: "On-call handbook",
  description: "",
  startedOn: "2025-01-10",
  endedOn: null,
  kind: "glue_work",
  role: "contributed",
  coOwners: [],
  impact: "",
  links: [],
  inProductionSince: null,
  archetype: null,
  workMix: "snacking",
  flagship: false,
  visibility: [],
  version: 1,
};

// ---- The staff record: people, mandates, advocates ----

import type { Advocate, Mandate, Person, PersonRef } from "../bindings";

/** Ada as the people directory holds her (a report: her relationship is fixed). */
export const ADA_PERSON: Person = {
  id: ADA.personId,
  name: ADA.name,
  title: "Staff Engineer",
  relationship: "report",
  notes: "",
  reportId: ADA.id,
  version: 2,
  createdAt: "2024-01-10T09:00:00Z",
  updatedAt: "2024-01-10T09:00:00Z",
};

/** The manager's own manager. */
export const NINA: Person = {
  id: "p-nina",
  name: "Nina Patel",
  title: "Director of Engineering",
  relationship: "skip_level",
  notes: "Prefers written updates.",
  reportId: null,
  version: 1,
  createdAt: "2024-01-11T09:00:00Z",
  updatedAt: "2024-01-11T09:00:00Z",
};

/** A leader who sponsors Ada's mandate. */
export const OMAR: Person = {
  id: "p-omar",
  name: "Omar Haddad",
  title: "VP Payments",
  relationship: "leadership",
  notes: "",
  reportId: null,
  version: 4,
  createdAt: "2024-01-12T09:00:00Z",
  updatedAt: "2024-03-12T09:00:00Z",
};

/** A product partner. */
export const LENA: Person = {
  id: "p-lena",
  name: "Lena Fischer",
  title: "Product Manager",
  relationship: "cross_functional",
  notes: "",
  reportId: null,
  version: 1,
  createdAt: "2024-01-13T09:00:00Z",
  updatedAt: "2024-01-13T09:00:00Z",
};

/** The directory sorted by name, as listPeople returns it. */
export const PEOPLE: Person[] = [ADA_PERSON, LENA, NINA, OMAR];

/** A person as other records show them. */
export function personRef(p: Person): PersonRef {
  return { id: p.id, name: p.name, title: p.title, relationship: p.relationship };
}

/** A committee member: since the cycle opened, or since `joinedOn`. */
export function member(p: Person, joinedOn: string | null = null): import("../bindings").CommitteeMember {
  return { person: personRef(p), joinedOn };
}

/** Ada's current mandate, sponsored by Omar. */
export const ADA_MANDATE: Mandate = {
  id: "m-ledger",
  reportId: ADA.id,
  statement: "Make the ledger the single source of truth for payouts.",
  priority: "Cut payout errors in half this year",
  room: "yes",
  attention: "partly",
  sponsor: personRef(OMAR),
  setOn: "2024-02-01",
  reviewBy: null,
  status: "active",
  statusReason: "",
  endedOn: null,
  reviews: [],
  version: 2,
  createdAt: "2024-02-01T09:00:00Z",
  updatedAt: "2024-02-01T09:00:00Z",
};

/** A mandate Ada completed before the current one. */
export const ADA_PAST_MANDATE: Mandate = {
  id: "m-fraud",
  reportId: ADA.id,
  statement: "Stabilise the fraud-check pipeline.",
  priority: "",
  room: "partly",
  attention: "yes",
  sponsor: null,
  setOn: "2023-03-01",
  reviewBy: "2023-09-01",
  status: "completed",
  statusReason: "Error rate under 0.1% for a quarter.",
  endedOn: "2024-01-31",
  reviews: [],
  version: 3,
  createdAt: "2023-03-01T09:00:00Z",
  updatedAt: "2024-01-31T09:00:00Z",
};

/** Omar speaks for Ada's ledger work. */
export const OMAR_ADVOCATE: Advocate = {
  id: "a-omar",
  reportId: ADA.id,
  person: personRef(OMAR),
  whatSeen: "The ledger migration design review.",
  strength: "strong",
  lastChecked: "2024-05-01",
  supportingSince: "2023-11-01",
  notes: "",
  version: 1,
  createdAt: "2024-05-01T09:00:00Z",
  updatedAt: "2024-05-01T09:00:00Z",
};

/** Nina has heard of the work but never been asked. */
export const NINA_ADVOCATE: Advocate = {
  id: "a-nina",
  reportId: ADA.id,
  person: personRef(NINA),
  whatSeen: "A demo of the payout dashboard.",
  strength: "moderate",
  lastChecked: null,
  supportingSince: null,
  notes: "Ask her before the next cycle.",
  version: 1,
  createdAt: "2024-05-02T09:00:00Z",
  updatedAt: "2024-05-02T09:00:00Z",
};

// ---- Mentorship feedback (features/mentorship) ----
type MsPerson = import("../bindings").Person;
type MsMentorship = import("../bindings").Mentorship;
type MsFeedback = import("../bindings").Feedback;

/** Two engineers Ada mentors. */
export const MS_BOB: MsPerson = {
  id: "p-bob",
  name: "Bob Kahn",
  title: "Engineer II",
  relationship: "my_org",
  notes: "",
  reportId: null,
  version: 1,
  createdAt: "2024-01-01T09:00:00Z",
  updatedAt: "2024-01-01T09:00:00Z",
};
export const MS_CAROL: MsPerson = { ...MS_BOB, id: "p-carol", name: "Carol Shaw", title: "Senior engineer" };
export const MS_ADA_PERSON: MsPerson = { ...MS_BOB, id: ADA.personId, name: ADA.name, title: "Staff engineer", relationship: "report", reportId: ADA.id };

function msRef(p: MsPerson) {
  return { id: p.id, name: p.name, title: p.title, relationship: p.relationship };
}

const MS_FEEDBACK_BASE = { quotable: false, addressedOn: null, addressedAction: "", version: 1 };

/** Unaddressed negative feedback, straight from the mentee. */
export const MS_BOB_NEGATIVE: MsFeedback = {
  ...MS_FEEDBACK_BASE,
  id: "f-bob-negative",
  mentorshipId: "m-bob",
  receivedOn: "2025-02-10",
  source: "mentee",
  sentiment: "negative",
  words: "Our sessions keep getting cancelled and I don't know what to work on.",
  version: 2,
  createdAt: "2025-02-10T09:00:00Z",
  updatedAt: "2025-02-11T09:00:00Z",
};
/** Mixed feedback from a survey, already addressed. */
export const MS_BOB_MIXED_ADDRESSED: MsFeedback = {
  ...MS_FEEDBACK_BASE,
  id: "f-bob-mixed",
  mentorshipId: "m-bob",
  receivedOn: "2024-12-01",
  source: "survey",
  sentiment: "mixed",
  words: "Helpful, but always rushed.",
  addressedOn: "2025-01-10",
  addressedAction: "Moved the sessions to Friday mornings.",
  createdAt: "2024-12-01T09:00:00Z",
  updatedAt: "2025-01-10T09:00:00Z",
};
/** Quotable praise from the mentee's manager. */
export const MS_BOB_POSITIVE: MsFeedback = {
  ...MS_FEEDBACK_BASE,
  id: "f-bob-positive",
  mentorshipId: "m-bob",
  receivedOn: "2024-11-05",
  source: "mentee_manager",
  sentiment: "positive",
  words: "Bob's design docs got much sharper since Ada started mentoring him.",
  quotable: true,
  createdAt: "2024-11-05T09:00:00Z",
  updatedAt: "2024-11-05T09:00:00Z",
};

/** Current, with negative (unaddressed), mixed (addressed) and positive feedback, listed out of order. */
export const MS_MENTORSHIP_BOB: MsMentorship = {
  id: "m-bob",
  reportId: ADA.id,
  mentee: msRef(MS_BOB),
  goals: "Run a design review on his own.",
  startedOn: "2024-09-01",
  endedOn: null,
  feedback: [MS_BOB_POSITIVE, MS_BOB_NEGATIVE, MS_BOB_MIXED_ADDRESSED],
  version: 4,
  createdAt: "2024-09-01T09:00:00Z",
  updatedAt: "2025-02-11T09:00:00Z",
};

/** Negative feedback that was addressed, and mixed feedback that was not. */
export const MS_CAROL_NEGATIVE_ADDRESSED: MsFeedback = {
  ...MS_BOB_MIXED_ADDRESSED,
  id: "f-carol-negative-addressed",
  mentorshipId: "m-carol",
  receivedOn: "2024-03-02",
  source: "mentee",
  sentiment: "negative",
  words: "It felt like a box-ticking exercise.",
  addressedOn: "2024-03-20",
  addressedAction: "Agreed on goals together.",
};
export const MS_CAROL_MIXED: MsFeedback = {
  ...MS_FEEDBACK_BASE,
  id: "f-carol-mixed",
  mentorshipId: "m-carol",
  receivedOn: "2024-06-15",
  source: "mentee_manager",
  sentiment: "mixed",
  words: "Carol learned a lot, but the pace was uneven.",
  createdAt: "2024-06-15T09:00:00Z",
  updatedAt: "2024-06-15T09:00:00Z",
};
/** Unaddressed negative feedback in a past mentorship. */
export const MS_CAROL_NEGATIVE: MsFeedback = {
  ...MS_CAROL_MIXED,
  id: "f-carol-negative",
  receivedOn: "2024-05-02",
  source: "survey",
  sentiment: "negative",
  words: "Ada rarely had time for me.",
};

/** Ended; listed first by the core to check that current mentorships are shown first. */
export const MS_MENTORSHIP_CAROL: MsMentorship = {
  id: "m-carol",
  reportId: ADA.id,
  mentee: msRef(MS_CAROL),
  goals: "",
  startedOn: "2023-10-01",
  endedOn: "2024-06-30",
  feedback: [MS_CAROL_MIXED, MS_CAROL_NEGATIVE, MS_CAROL_NEGATIVE_ADDRESSED],
  version: 2,
  createdAt: "2023-10-01T09:00:00Z",
  updatedAt: "2024-06-30T09:00:00Z",
};

// ---- The radar (issue 4) ----

/** The core's default radar thresholds (model::radar::Thresholds::default). */
export const DEFAULT_THRESHOLDS: import("../bindings").Thresholds = {
  packetDraftMonths: 4,
  staffPeerReviewWeeks: 6,
  managerReviewWeeks: 4,
  skipLevelReviewWeeks: 2,
  seenSharePercent: 50,
  workMixMonths: 6,
  workMixPercent: 30,
  evidenceMonths: 6,
  evidenceMinItems: 3,
  unquantifiedPercent: 50,
};

/** A report with no 1:1 recorded yet. */
export function noOneOnOnes(reportId: string): import("../bindings").OneOnOnes {
  return { reportId, meetings: [], openAgenda: [], openActions: [], nextMeeting: null, lastMeeting: null };
}

/** A radar with nothing to say, for a report that is not a candidate. */
export function emptyRadar(reportId: string, asOf: string): import("../bindings").ReportRadar {
  return { reportId, reportName: "", asOf: asOf || "2026-11-24", candidacy: null, cycle: null, signals: [], checklist: [], drifted: [] };
}

// ---- Rules of thumb, the report radar, manager history (features/rules, features/radar) ----
type RdRule = import("../bindings").RuleOfThumb;
type RdSignal = import("../bindings").Signal;

const RD_STAMP = { createdAt: "2026-01-05T09:00:00Z", updatedAt: "2026-01-05T09:00:00Z" };

/** Confirmed, said by Omar at a past calibration, for Senior Staff, with a machine check. */
export const RD_RULE_PRODUCTION: RdRule = {
  id: "rule-prod",
  wording: "We need to see it run in production for a year",
  saidBy: personRef(OMAR),
  saidOn: "2025-11-20",
  source: "past_calibration",
  sourceDetail: "H2 2025 calibration",
  confirmed: true,
  levels: [levelId("Senior Staff")],
  archetypes: [],
  retired: false,
  check: { check: "top_evidence_in_production", months: 12 },
  version: 2,
  ...RD_STAMP,
};

/** Hearsay from a review comment, for Architects, without a machine check. */
export const RD_RULE_IMPACT: RdRule = {
  ...RD_RULE_PRODUCTION,
  id: "rule-impact",
  wording: "Is the impact big enough?",
  saidBy: null,
  saidOn: "2026-01-15",
  source: "review_comment",
  sourceDetail: "Comment on Ada's packet, round 1",
  confirmed: false,
  levels: [],
  archetypes: ["architect"],
  check: null,
  version: 1,
};

/** Retired, with a machine check on advocates. */
export const RD_RULE_RETIRED: RdRule = {
  ...RD_RULE_PRODUCTION,
  id: "rule-retired",
  wording: "Three sponsors or nothing",
  saidBy: null,
  saidOn: "2024-06-01",
  source: "conversation",
  sourceDetail: "",
  levels: [],
  retired: true,
  check: { check: "min_advocates", count: 3 },
  version: 1,
};

export const RD_CYCLE: import("../bindings").Cycle = {
  id: "cycle-h1",
  name: "H1 2026",
  opensOn: "2026-01-01",
  packetDue: "2026-05-01",
  calibrationDate: "2026-06-15",
  committee: [member(OMAR)],
  version: 1,
  ...RD_STAMP,
};

/** Ada, a candidate for Senior Staff in H1 2026, with no packet draft yet. */
export const RD_CANDIDACY: import("../bindings").Candidate = {
  id: "cand-ada",
  cycleId: RD_CYCLE.id,
  reportId: ADA.id,
  reportName: ADA.name,
  targetLevel: level("Senior Staff"),
  addedOn: "2026-01-10",
  readiness: "undecided",
  readinessReason: "",
  expectedCycle: "",
  actions: "",
  packetVersions: 0,
  version: 1,
  ...RD_STAMP,
};

const RD_SIGNAL_BASE = { reportId: ADA.id, reportName: ADA.name, ack: null };

export const RD_SIG_NO_DRAFT: RdSignal = {
  ...RD_SIGNAL_BASE,
  rule: "packet.no_draft",
  severity: "high",
  message: "No packet draft 4 months before calibration (2026-06-15).",
  causes: [{ kind: "candidate", id: RD_CANDIDACY.id, title: RD_CYCLE.name, reportId: null }],
  action: "Start the packet with them now: staff-level projects, impact, gaps and a plan.",
  since: "2026-02-15",
  leadTimeDays: 120,
  causeKey: "packet.no_draft|cand-ada",
};

export const RD_SIG_MANAGER: RdSignal = {
  ...RD_SIGNAL_BASE,
  rule: "cycle.manager_changed",
  severity: "high",
  message: "Manager changed inside the cycle (2026-02-01): Grace Hopper.",
  causes: [{ kind: "manager_change", id: "mc-grace", title: "Grace Hopper", reportId: null }],
  action: "Hand over the record, and make sure the new manager has seen the strongest work.",
  since: "2026-02-01",
  leadTimeDays: 134,
  causeKey: "cycle.manager_changed|mc-grace",
};

export const RD_SIG_SEEN: RdSignal = {
  ...RD_SIGNAL_BASE,
  rule: "visibility.seen_share_low",
  severity: "medium",
  message: "Only 0 of 2 evidence items have been seen by the committee.",
  causes: [
    { kind: "evidence", id: "e-ledger", title: "Ledger migration", reportId: null },
    { kind: "evidence", id: "e-oncall", title: "On-call handbook", reportId: null },
  ],
  action: "Get the strongest work in front of the committee: a demo, a doc, a review.",
  since: "2026-01-10",
  leadTimeDays: 156,
  causeKey: "visibility.seen_share_low|cand-ada",
};

export const RD_SIG_UNQUANTIFIED: RdSignal = {
  ...RD_SIGNAL_BASE,
  rule: "evidence.unquantified",
  severity: "low",
  message: "1 of 2 recent evidence items states no impact.",
  causes: [{ kind: "evidence", id: "e-oncall", title: "On-call handbook", reportId: null }],
  action: "Put numbers on the impact.",
  since: "2026-03-01",
  leadTimeDays: 106,
  causeKey: "evidence.unquantified|e-oncall",
};

/** Acknowledged on 2026-02-10. */
export const RD_SIG_NO_ADVOCATE_ACKED: RdSignal = {
  ...RD_SIGNAL_BASE,
  rule: "advocates.none",
  severity: "medium",
  message: "No leader is recorded as ready to speak for their work.",
  causes: [{ kind: "report", id: ADA.id, title: ADA.name, reportId: null }],
  action: "Find a leader who has seen the work and ask for their support.",
  since: "2026-01-10",
  leadTimeDays: 156,
  causeKey: "advocates.none|r-ada",
  ack: { action: "acknowledged", reason: "Omar agreed to speak for the ledger work.", ackedOn: "2026-02-10", until: null },
};

/** Ada's radar on 2026-03-02: four open signals and one acknowledged. */
export const RD_RADAR: import("../bindings").ReportRadar = {
  reportId: ADA.id,
  reportName: ADA.name,
  asOf: "2026-03-02",
  candidacy: RD_CANDIDACY,
  cycle: RD_CYCLE,
  signals: [RD_SIG_NO_DRAFT, RD_SIG_MANAGER, RD_SIG_SEEN, RD_SIG_NO_ADVOCATE_ACKED, RD_SIG_UNQUANTIFIED],
  checklist: [],
  drifted: [],
};

export const RD_ACK: import("../bindings").SignalAck = {
  id: "ack-advocates",
  rule: "advocates.none",
  causeKey: "advocates.none|r-ada",
  action: "acknowledged",
  reason: "Omar agreed to speak for the ledger work.",
  until: null,
  ackedOn: "2026-02-10",
};

/** Ada's manager changed to Grace inside the H1 2026 cycle. */
export const RD_MANAGER_CHANGE: import("../bindings").ManagerChange = {
  id: "mc-grace",
  reportId: ADA.id,
  changedOn: "2026-02-01",
  manager: "Grace Hopper",
  note: "Payments re-org.",
  endedOn: null,
  isMe: false,
  version: 2,
  ...RD_STAMP,
};

// ---- Cycles, candidates, packets and reviews (features/cycles) ----
type CyCycle = import("../bindings").Cycle;
type CyCandidate = import("../bindings").Candidate;
type CySignal = import("../bindings").Signal;
type CyDashboard = import("../bindings").CycleDashboard;
type CyVersion = import("../bindings").PacketVersion;
type CyDiff = import("../bindings").PacketDiff;
type CyReview = import("../bindings").PacketReview;
type CyRule = import("../bindings").RuleOfThumb;
type CyRadar = import("../bindings").ReportRadar;

/** The next calibration, 120 days after CY_TODAY, judged by Omar and Nina. */
export const CY_CYCLE: CyCycle = {
  id: "c-h1-2027",
  name: "H1 2027 promotions",
  opensOn: "2026-07-01",
  packetDue: "2027-02-15",
  calibrationDate: "2027-03-15",
  committee: [member(OMAR), member(NINA, "2026-10-01")],
  version: 2,
  createdAt: "2026-06-01T09:00:00Z",
  updatedAt: "2026-06-02T09:00:00Z",
};
/** The date the cycle fixtures are seen from. */
export const CY_TODAY = "2026-11-15";
export const CY_LATER_CYCLE: CyCycle = {
  ...CY_CYCLE,
  id: "c-h2-2027",
  name: "H2 2027 promotions",
  opensOn: "2027-01-01",
  packetDue: "2027-08-15",
  calibrationDate: "2027-09-15",
  committee: [],
  version: 1,
};
export const CY_PAST_CYCLE: CyCycle = {
  ...CY_CYCLE,
  id: "c-h1-2026",
  name: "H1 2026 promotions",
  opensOn: "2025-07-01",
  packetDue: "2026-02-15",
  calibrationDate: "2026-03-16",
  committee: [member(OMAR)],
  version: 4,
};

/** Ada, undecided, with two packet versions. */
export const CY_ADA_CANDIDATE: CyCandidate = {
  id: "cand-ada",
  cycleId: CY_CYCLE.id,
  reportId: ADA.id,
  reportName: ADA.name,
  targetLevel: level("Senior Staff"),
  addedOn: "2026-08-01",
  readiness: "undecided",
  readinessReason: "",
  expectedCycle: "",
  actions: "",
  packetVersions: 2,
  version: 3,
  createdAt: "2026-08-01T09:00:00Z",
  updatedAt: "2026-10-20T09:00:00Z",
};
/** Grace, ready, aiming for Principal, without a draft. */
export const CY_GRACE_CANDIDATE: CyCandidate = {
  ...CY_ADA_CANDIDATE,
  id: "cand-grace",
  reportId: GRACE.id,
  reportName: GRACE.name,
  targetLevel: level("Principal"),
  readiness: "ready",
  readinessReason: "Compiler rewrite carries the case.",
  packetVersions: 0,
  version: 1,
};

const CY_SIGNAL_BASE = { reportId: ADA.id, reportName: ADA.name, causes: [], ack: null };
export const CY_SIGNAL_NO_PEER: CySignal = {
  ...CY_SIGNAL_BASE,
  rule: "packet.no_staff_peer_review",
  severity: "high",
  message: "No staff-level peer has reviewed the packet.",
  action: "Ask a staff-level peer to review the latest draft.",
  since: "2026-10-01",
  leadTimeDays: 165,
  causeKey: "cand-ada",
};
export const CY_SIGNAL_RULE_UNMET: CySignal = {
  ...CY_SIGNAL_BASE,
  rule: "rule_of_thumb.unmet",
  severity: "medium",
  message: "Rule of thumb unmet: “Top project in production for a year before calibration”.",
  action: "Plan how to meet it, or say why it does not apply.",
  since: "2026-09-01",
  leadTimeDays: 195,
  causeKey: "rule-prod-year",
};
export const CY_SIGNAL_ACKED: CySignal = {
  ...CY_SIGNAL_BASE,
  rule: "advocates.none",
  severity: "low",
  message: "No advocate with strong or moderate support.",
  action: "Ask a leader who saw the work to speak for it.",
  since: "2026-08-01",
  leadTimeDays: 226,
  causeKey: "advocates",
  ack: { action: "acknowledged", reason: "Omar agreed to speak for the ledger.", ackedOn: "2026-10-05", until: null },
};
const CY_GRACE_SIGNAL = { ...CY_SIGNAL_BASE, reportId: GRACE.id, reportName: GRACE.name };
export const CY_GRACE_SIGNALS: CySignal[] = [
  { ...CY_GRACE_SIGNAL, rule: "packet.no_draft", severity: "high", message: "No packet draft four months before calibration.", action: "Start the draft.", since: "2026-11-15", leadTimeDays: 120, causeKey: "cand-grace" },
  { ...CY_GRACE_SIGNAL, rule: "mandate.missing", severity: "high", message: "No mandate recorded.", action: "Agree on a mandate.", since: "2026-07-01", leadTimeDays: 257, causeKey: "mandate" },
  { ...CY_GRACE_SIGNAL, rule: "evidence.thin", severity: "low", message: "Only one evidence item in six months.", action: "Record recent work.", since: "2026-10-10", leadTimeDays: 156, causeKey: "evidence" },
];

export const CY_DASHBOARD: CyDashboard = {
  cycle: CY_CYCLE,
  asOf: CY_TODAY,
  daysToCalibration: 120,
  candidates: [
    { candidate: CY_ADA_CANDIDATE, high: 1, medium: 1, low: 0, acknowledged: 1, signals: [CY_SIGNAL_ACKED, CY_SIGNAL_RULE_UNMET, CY_SIGNAL_NO_PEER] },
    { candidate: CY_GRACE_CANDIDATE, high: 2, medium: 0, low: 1, acknowledged: 0, signals: CY_GRACE_SIGNALS },
  ],
};

export const CY_VERSION_1: CyVersion = {
  id: "pv-1",
  candidateId: CY_ADA_CANDIDATE.id,
  number: 1,
  savedOn: "2026-08-28",
  note: "First draft",
  sections: {
    staffProjects: [
      {
        title: "Ledger migration",
        goal: "One source of truth for balances",
        complexity: "Zero-downtime move of 40M accounts",
        impact: "Month-end close from 5 days to 1",
        designDocs: "Ledger design doc",
        evidenceIds: ["e-ledger"],
      },
    ],
    orgImprovements: [],
    quantifiedImpact: "Month-end close from 5 days to 1",
    mentorship: "",
    glueWork: [],
    advocates: "Omar Haddad",
    knownGaps: [],
  },
  createdAt: "2026-08-28T09:00:00Z",
};
export const CY_VERSION_2: CyVersion = {
  ...CY_VERSION_1,
  id: "pv-2",
  number: 2,
  savedOn: "2026-10-20",
  note: "After Priya's review",
  sections: {
    ...CY_VERSION_1.sections,
    glueWork: [{ title: "On-call handbook", body: "Wrote the handbook every team now uses.", evidenceIds: [] }],
    knownGaps: [{ gap: "Not a year in production yet", plan: "The ledger reaches a year in production in October." }],
  },
  createdAt: "2026-10-20T09:00:00Z",
};

export const CY_DIFF: CyDiff = {
  from: 1,
  to: 2,
  sections: [
    { title: "Staff-level project: Ledger migration", change: "same", lines: [{ op: "same", text: "Goal: One source of truth for balances" }] },
    {
      title: "Quantified impact",
      change: "same",
      lines: [
        { op: "removed", text: "Month-end close from 5 days to 1" },
        { op: "added", text: "Month-end close from 5 days to 1 day" },
        { op: "same", text: "Payout errors halved" },
      ],
    },
    { title: "Glue work: On-call handbook", change: "added", lines: [{ op: "added", text: "Wrote the handbook every team now uses." }] },
    { title: "Org improvement: Build farm", change: "removed", lines: [{ op: "removed", text: "Shared the build farm." }] },
  ],
};

/** A staff engineer who reviews packets. */
export const CY_PRIYA: Person = {
  id: "p-priya",
  name: "Priya Raman",
  title: "Staff engineer",
  relationship: "my_org",
  notes: "",
  reportId: null,
  version: 1,
  createdAt: "2026-01-01T09:00:00Z",
  updatedAt: "2026-01-01T09:00:00Z",
};

export const CY_RULE_PROD: CyRule = {
  id: "rule-prod-year",
  wording: "Top project in production for a year before calibration",
  saidBy: personRef(OMAR),
  saidOn: "2026-03-20",
  source: "past_calibration",
  sourceDetail: "H1 2026 calibration",
  confirmed: true,
  levels: [],
  archetypes: [],
  retired: false,
  check: { check: "top_evidence_in_production", months: 12 },
  version: 1,
  createdAt: "2026-03-20T09:00:00Z",
  updatedAt: "2026-03-20T09:00:00Z",
};
export const CY_RULE_TALK: CyRule = {
  ...CY_RULE_PROD,
  id: "rule-talk",
  wording: "Has given a talk at the engineering all-hands",
  saidBy: null,
  source: "conversation",
  sourceDetail: "",
  confirmed: false,
  check: null,
};

/** Priya's staff-level peer review of version 1, which revealed the production-year rule. */
export const CY_REVIEW_PEER: CyReview = {
  id: "rev-priya",
  candidateId: CY_ADA_CANDIDATE.id,
  reviewer: personRef(CY_PRIYA),
  reviewerRole: "staff_peer",
  versionNumber: 1,
  requestedOn: "2026-10-01",
  receivedOn: "2026-10-02",
  comments: "Where is the year in production?",
  revealedRuleId: CY_RULE_PROD.id,
  version: 1,
  createdAt: "2026-10-01T09:00:00Z",
  updatedAt: "2026-10-02T09:00:00Z",
};
/** The skip-level's review, asked for and not yet in. */
export const CY_REVIEW_SKIP: CyReview = {
  ...CY_REVIEW_PEER,
  id: "rev-nina",
  reviewer: personRef(NINA),
  reviewerRole: "skip_level",
  versionNumber: 2,
  requestedOn: "2026-10-25",
  receivedOn: null,
  comments: "",
  revealedRuleId: null,
};

/** Ada's radar, judged against her candidacy in CY_CYCLE. */
export const CY_RADAR: CyRadar = {
  reportId: ADA.id,
  reportName: ADA.name,
  asOf: CY_TODAY,
  candidacy: CY_ADA_CANDIDATE,
  cycle: CY_CYCLE,
  signals: [CY_SIGNAL_NO_PEER, CY_SIGNAL_RULE_UNMET, CY_SIGNAL_ACKED],
  checklist: [
    {
      ruleId: CY_RULE_PROD.id,
      wording: CY_RULE_PROD.wording,
      confirmed: true,
      check: { check: "top_evidence_in_production", months: 12 },
      status: "unmet",
      detail: "Ledger migration: 5 months in production by calibration.",
      record: { kind: "evidence", id: "e-ledger", title: "Ledger migration", reportId: null },
    },
    { ruleId: CY_RULE_TALK.id, wording: CY_RULE_TALK.wording, confirmed: false, check: null, status: "unknown", detail: "", record: null },
  ],
  drifted: [],
};

// ---- 1:1s, prep and the question bank (features/oneonones, features/prep, features/questions) ----
// Dates are relative to today: whether a 1:1 is past, today or planned depends on it.
import type {
  ActionItem as OoAction,
  AgendaItem as OoAgendaItem,
  Meeting as OoMeeting,
  MeetingNote as OoNote,
  OneOnOnes as OoOnes,
  Prep as OoPrep,
  Question as OoQuestion,
  QuestionTrigger as OoTrigger,
} from "../bindings";
import { todayIso as ooToday } from "../lib/dates";
import { addDays as ooAddDays } from "../features/oneonones/dates";

/** Today, and `n` days from today (negative: ago), as YYYY-MM-DD. */
export const OO_TODAY = ooToday();
export const ooDay = (n: number) => ooAddDays(OO_TODAY, n);
const ooStamp = (n: number) => ({ createdAt: `${ooDay(n)}T09:30:00Z`, updatedAt: `${ooDay(n)}T09:30:00Z` });

/** Raised two 1:1s ago, shared with Ada, still open: carried into every 1:1 since. */
export const OO_AGENDA_SCOPE: OoAgendaItem = {
  id: "ag-scope",
  reportId: ADA.id,
  text: "Is the ledger migration enough of a staff project for this cycle?",
  shared: true,
  addedOn: ooDay(-15),
  status: "open",
  closedOn: null,
  closedMeetingId: null,
  meetingDates: [ooDay(-14), ooDay(-7)],
  links: [],
  version: 3,
  ...ooStamp(-15),
};
/** Private, carried once, then done in the last 1:1; made into evidence. */
export const OO_AGENDA_SPONSOR: OoAgendaItem = {
  ...OO_AGENDA_SCOPE,
  id: "ag-sponsor",
  text: "Ask Omar to sponsor the payouts work",
  shared: false,
  addedOn: ooDay(-16),
  status: "done",
  closedOn: ooDay(-7),
  closedMeetingId: "mt-3",
  links: [{ kind: "evidence", id: "e-ledger", title: "Ledger migration" }],
  version: 4,
};
/** Dropped in the 1:1 two weeks ago after being carried once. */
export const OO_AGENDA_ONCALL: OoAgendaItem = {
  ...OO_AGENDA_SCOPE,
  id: "ag-oncall",
  text: "Hand the on-call rota over to the platform team",
  shared: true,
  addedOn: ooDay(-30),
  status: "dropped",
  closedOn: ooDay(-14),
  closedMeetingId: "mt-2",
  meetingDates: [ooDay(-28), ooDay(-14)],
  version: 2,
};
/** Added since the last 1:1, for the next one: on no 1:1 yet. */
export const OO_AGENDA_PACKET: OoAgendaItem = {
  ...OO_AGENDA_SCOPE,
  id: "ag-packet",
  text: "Promotion packet: first draft by the end of the month",
  shared: false,
  addedOn: ooDay(-2),
  meetingDates: [],
  version: 1,
  ...ooStamp(-2),
};

/** Private, made into evidence. Two lines: the first is the evidence's title. */
export const OO_NOTE_SEEN: OoNote = {
  id: "n-seen",
  meetingId: "mt-3",
  body: "Ada worries the ledger work won't read as staff-level: nobody outside Payments has seen it.\nAgreed she demos it at the platform review.",
  private: true,
  links: [{ kind: "evidence", id: "e-ledger", title: "Ledger migration" }],
  version: 1,
  ...ooStamp(-7),
};
/** Shared, made into Bob's feedback. */
export const OO_NOTE_BOB: OoNote = {
  ...OO_NOTE_SEEN,
  id: "n-bob",
  body: "Bob says the design-review pairing with Ada is the most useful hour of his week.",
  private: false,
  links: [{ kind: "feedback", id: "f-bob-positive", title: "Bob Kahn, 2024-11-05" }],
};
export const OO_NOTE_OLDER: OoNote = {
  ...OO_NOTE_SEEN,
  id: "n-older",
  meetingId: "mt-2",
  body: "Talked through the payout error numbers; she owns the write-up.",
  links: [],
  ...ooStamp(-14),
};

/** Mine, due in five days. */
export const OO_ACTION_SLOT: OoAction = {
  id: "ac-slot",
  reportId: ADA.id,
  meetingId: "mt-3",
  text: "Book Ada a slot at the platform review",
  owner: "manager",
  dueOn: ooDay(5),
  doneOn: null,
  links: [],
  version: 1,
  ...ooStamp(-7),
};
/** Theirs, overdue since three days. */
export const OO_ACTION_NUMBERS: OoAction = {
  ...OO_ACTION_SLOT,
  id: "ac-numbers",
  meetingId: "mt-2",
  text: "Write up the payout error numbers for the packet",
  owner: "report",
  dueOn: ooDay(-3),
  version: 2,
  ...ooStamp(-14),
};
/** Mine, done. */
export const OO_ACTION_RUBRIC: OoAction = {
  ...OO_ACTION_SLOT,
  id: "ac-rubric",
  meetingId: "mt-2",
  text: "Share the calibration rubric with Ada",
  dueOn: ooDay(-12),
  doneOn: ooDay(-10),
  version: 2,
  ...ooStamp(-14),
};

/** A week ago: the scope question stayed open, the sponsor question was done. */
export const OO_MEETING_LAST: OoMeeting = {
  id: "mt-3",
  reportId: ADA.id,
  heldOn: ooDay(-7),
  notes: [OO_NOTE_SEEN, OO_NOTE_BOB],
  agenda: [
    { item: OO_AGENDA_SCOPE, carried: 1, outcome: "open" },
    { item: OO_AGENDA_SPONSOR, carried: 1, outcome: "done" },
  ],
  actions: [OO_ACTION_SLOT],
  version: 1,
  ...ooStamp(-7),
};
/** Two weeks ago: everything carried over but the on-call hand-over, dropped. */
export const OO_MEETING_MIDDLE: OoMeeting = {
  id: "mt-2",
  reportId: ADA.id,
  heldOn: ooDay(-14),
  notes: [OO_NOTE_OLDER],
  agenda: [
    { item: OO_AGENDA_ONCALL, carried: 1, outcome: "dropped" },
    { item: OO_AGENDA_SCOPE, carried: 0, outcome: "carried_over" },
    { item: OO_AGENDA_SPONSOR, carried: 0, outcome: "carried_over" },
  ],
  actions: [OO_ACTION_NUMBERS, OO_ACTION_RUBRIC],
  version: 1,
  ...ooStamp(-14),
};
/** Four weeks ago: no notes. */
export const OO_MEETING_FIRST: OoMeeting = {
  id: "mt-1",
  reportId: ADA.id,
  heldOn: ooDay(-28),
  notes: [],
  agenda: [{ item: OO_AGENDA_ONCALL, carried: 0, outcome: "carried_over" }],
  actions: [],
  version: 1,
  ...ooStamp(-28),
};

/** Ada's 1:1s: three held, none planned; two items on the next agenda, two actions open. */
export const OO_ONES: OoOnes = {
  reportId: ADA.id,
  meetings: [OO_MEETING_LAST, OO_MEETING_MIDDLE, OO_MEETING_FIRST],
  openAgenda: [OO_AGENDA_SCOPE, OO_AGENDA_PACKET],
  openActions: [OO_ACTION_NUMBERS, OO_ACTION_SLOT],
  nextMeeting: null,
  lastMeeting: ooDay(-7),
};

/** A planned 1:1 `days` from today (no notes yet), carrying the open agenda. */
export function ooPlanned(days: number, id = "mt-next"): OoMeeting {
  return {
    id,
    reportId: ADA.id,
    heldOn: ooDay(days),
    notes: [],
    agenda: [
      { item: { ...OO_AGENDA_SCOPE, meetingDates: [...OO_AGENDA_SCOPE.meetingDates, ooDay(days)] }, carried: 2, outcome: "open" },
      { item: { ...OO_AGENDA_PACKET, meetingDates: [ooDay(days)] }, carried: 0, outcome: "open" },
    ],
    actions: [],
    version: 1,
    ...ooStamp(0),
  };
}

/** Ada's 1:1s with the next one planned `days` from today. */
export function ooOnesWithNext(days: number): OoOnes {
  const next = ooPlanned(days);
  return { ...OO_ONES, meetings: [next, ...OO_ONES.meetings], nextMeeting: next.heldOn };
}

/** The prep for tomorrow's 1:1 with Ada: something changed in every part of the record. */
export const OO_PREP: OoPrep = {
  reportId: ADA.id,
  reportName: ADA.name,
  asOf: OO_TODAY,
  lastOneOnOne: ooDay(-7),
  nextOneOnOne: ooDay(1),
  since: ooDay(-7),
  changes: {
    evidence: [{ evidenceId: "e-ledger", title: "Ledger migration", what: ["in production"], on: ooDay(-3) }],
    feedback: [
      {
        feedbackId: "f-bob-new",
        mentee: "Bob Kahn",
        from: "Bob Kahn's manager",
        sentiment: "negative",
        receivedOn: ooDay(-5),
        addressedOn: null,
        words: "Our sessions keep getting cancelled and I don't know what to work on.",
      },
    ],
    visibility: [
      { visibilityId: "v-new", evidenceId: "e-ledger", evidenceTitle: "Ledger migration", person: "Margaret Hamilton", channel: "demo", seenOn: ooDay(-2) },
    ],
    reviewComments: [
      {
        reviewId: "rv-priya",
        reviewer: "Priya Raman",
        role: "staff_peer",
        receivedOn: ooDay(-1),
        comments: "Where is the staff project? The ledger reads as a team effort.",
      },
    ],
    signalsAppeared: [
      {
        ...RD_SIG_NO_DRAFT,
        since: ooDay(-4),
      },
    ],
    signalsCleared: [
      { rule: "advocates.none", message: "No leader is recorded as ready to speak for their work.", causeKey: "advocates.none|r-ada" },
    ],
  },
  agenda: [
    { item: OO_AGENDA_SCOPE, carried: 2 },
    { item: OO_AGENDA_PACKET, carried: 0 },
  ],
  actions: [OO_ACTION_NUMBERS, OO_ACTION_SLOT],
  mandate: { state: "review_due", mandate: { ...ADA_MANDATE, reviewBy: ooDay(20) } },
  questions: [
    { questionId: "q-seen", text: "Who outside Payments has seen the ledger work in the last month?", because: "Radar: High-impact work unseen" },
    { questionId: "q-mandate", text: "Is the payouts problem still what leadership worries about most?", because: "Mandate review due within 30 days" },
    { questionId: "q-arch", text: "Which technical direction would you set across teams if nobody stopped you?", because: "Works as a solver; the organisation needs an architect" },
  ],
};

/** A prep with nothing recorded: no 1:1 yet, nothing changed, no mandate, no questions. */
export const OO_PREP_EMPTY: OoPrep = {
  ...OO_PREP,
  lastOneOnOne: null,
  nextOneOnOne: null,
  since: ooDay(-28),
  changes: { evidence: [], feedback: [], visibility: [], reviewComments: [], signalsAppeared: [], signalsCleared: [] },
  agenda: [],
  actions: [],
  mandate: { state: "missing", mandate: null },
  questions: [],
};

/** A few of the core's triggers (model::question::triggers). */
export const OO_TRIGGERS: OoTrigger[] = [
  { id: "general", label: "Any report (general)" },
  { id: "mandate.review_due", label: "Mandate review due within 30 days" },
  { id: "archetype.architect", label: "Works as an architect" },
  { id: "visibility.high_impact_unseen", label: "Radar signal: High-impact work unseen" },
];

const OO_Q_STAMP = { createdAt: "2026-01-05T09:00:00Z", updatedAt: "2026-01-05T09:00:00Z" };
export const OO_Q_GENERAL: OoQuestion = {
  id: "q-general",
  text: "What is the most important problem you could be working on right now?",
  trigger: "general",
  retired: false,
  version: 1,
  ...OO_Q_STAMP,
};
export const OO_Q_GENERAL_2: OoQuestion = { ...OO_Q_GENERAL, id: "q-general-2", text: "What did you say no to this month?" };
export const OO_Q_ARCH: OoQuestion = {
  ...OO_Q_GENERAL,
  id: "q-arch",
  text: "Which technical direction would you set across teams if nobody stopped you?",
  trigger: "archetype.architect",
};
export const OO_Q_SEEN: OoQuestion = {
  ...OO_Q_GENERAL,
  id: "q-seen",
  text: "Who outside the team has seen this work?",
  trigger: "visibility.high_impact_unseen",
  version: 2,
};
export const OO_Q_RETIRED: OoQuestion = { ...OO_Q_GENERAL, id: "q-retired", text: "How was your week?", retired: true, version: 3 };

export const REMINDER_PREFERENCES: import("../bindings").ReminderPreferences = {
  settings: { oneOnOnes: true, deadlines: true, mandateReviews: true, highSignals: true, keepRunningInTray: false },
  startAtLogin: false,
  trayProblem: null,
};
