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
