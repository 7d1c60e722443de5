// Typed data for component tests: the default ladder (as seeded by migration 0001) and a few
// reports on it, shaped exactly as the bindings return them.
import type { AppInfo, LadderLevel, LevelRef, Report, TrellisError, VisibilityGaps } from "../bindings";

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
  version: 1,
  createdAt: "2024-02-01T09:00:00Z",
  updatedAt: "2024-02-01T09:00:00Z",
};

export const APP_INFO: AppInfo = {
  version: "0.1.0",
  dataDir: "/tmp/trellis-test",
  dataDirSource: "flag",
  dbFile: "/tmp/trellis-test/trellis.sqlite3",
  demo: false,
  startupError: null,
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
  staffPeerReviewWeeks: 8,
  managerReviewWeeks: 6,
  skipLevelReviewWeeks: 4,
  seenSharePercent: 50,
  workMixMonths: 6,
  workMixPercent: 30,
  evidenceMonths: 6,
  evidenceMinItems: 3,
  unquantifiedPercent: 50,
};

/** A radar with nothing to say, for a report that is not a candidate. */
export function emptyRadar(reportId: string, asOf: string): import("../bindings").ReportRadar {
  return { reportId, reportName: "", asOf: asOf || "2026-11-24", candidacy: null, cycle: null, signals: [], checklist: [] };
}
