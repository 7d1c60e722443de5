// Stand-ins for the generated bindings' `commands`: one vi.fn per command, with the same
// signature. Test files swap them in at the bindings boundary and nowhere else:
//
//   vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));
//
// renderApp (./render.tsx) resets them to the defaults below before every render.
import { vi, type Mock } from "vitest";

import type { commands as real } from "../bindings";
import { APP_INFO, DEFAULT_THRESHOLDS, LADDER, NO_GAPS, emptyRadar, fail, ok } from "./fixtures";

export type Commands = typeof real;
export type CommandName = keyof Commands;
export type CommandStubs = { [K in CommandName]: Mock<Commands[K]> };
export type CommandOverrides = { [K in CommandName]?: Commands[K] };

export const commands: CommandStubs = {
  appInfo: vi.fn<Commands["appInfo"]>(),
  listReports: vi.fn<Commands["listReports"]>(),
  getReport: vi.fn<Commands["getReport"]>(),
  createReport: vi.fn<Commands["createReport"]>(),
  updateReport: vi.fn<Commands["updateReport"]>(),
  archiveReport: vi.fn<Commands["archiveReport"]>(),
  restoreReport: vi.fn<Commands["restoreReport"]>(),
  listLadder: vi.fn<Commands["listLadder"]>(),
  listLadderChanges: vi.fn<Commands["listLadderChanges"]>(),
  addLevel: vi.fn<Commands["addLevel"]>(),
  renameLevel: vi.fn<Commands["renameLevel"]>(),
  moveLevel: vi.fn<Commands["moveLevel"]>(),
  removeLevel: vi.fn<Commands["removeLevel"]>(),
  listPeople: vi.fn<Commands["listPeople"]>(),
  createPerson: vi.fn<Commands["createPerson"]>(),
  updatePerson: vi.fn<Commands["updatePerson"]>(),
  listMandates: vi.fn<Commands["listMandates"]>(),
  setMandate: vi.fn<Commands["setMandate"]>(),
  updateMandate: vi.fn<Commands["updateMandate"]>(),
  closeMandate: vi.fn<Commands["closeMandate"]>(),
  listEvidence: vi.fn<Commands["listEvidence"]>(),
  getEvidence: vi.fn<Commands["getEvidence"]>(),
  createEvidence: vi.fn<Commands["createEvidence"]>(),
  updateEvidence: vi.fn<Commands["updateEvidence"]>(),
  addVisibility: vi.fn<Commands["addVisibility"]>(),
  updateVisibility: vi.fn<Commands["updateVisibility"]>(),
  visibilityGaps: vi.fn<Commands["visibilityGaps"]>(),
  listAdvocates: vi.fn<Commands["listAdvocates"]>(),
  createAdvocate: vi.fn<Commands["createAdvocate"]>(),
  updateAdvocate: vi.fn<Commands["updateAdvocate"]>(),
  listMentorships: vi.fn<Commands["listMentorships"]>(),
  createMentorship: vi.fn<Commands["createMentorship"]>(),
  updateMentorship: vi.fn<Commands["updateMentorship"]>(),
  addFeedback: vi.fn<Commands["addFeedback"]>(),
  updateFeedback: vi.fn<Commands["updateFeedback"]>(),
  deleteRecord: vi.fn<Commands["deleteRecord"]>(),
  restoreRecord: vi.fn<Commands["restoreRecord"]>(),
  search: vi.fn<Commands["search"]>(),
  reportTimeline: vi.fn<Commands["reportTimeline"]>(),
  listCycles: vi.fn<Commands["listCycles"]>(),
  getCycle: vi.fn<Commands["getCycle"]>(),
  createCycle: vi.fn<Commands["createCycle"]>(),
  updateCycle: vi.fn<Commands["updateCycle"]>(),
  listCandidates: vi.fn<Commands["listCandidates"]>(),
  listCandidacies: vi.fn<Commands["listCandidacies"]>(),
  getCandidate: vi.fn<Commands["getCandidate"]>(),
  addCandidate: vi.fn<Commands["addCandidate"]>(),
  setReadiness: vi.fn<Commands["setReadiness"]>(),
  savePacket: vi.fn<Commands["savePacket"]>(),
  listPacketVersions: vi.fn<Commands["listPacketVersions"]>(),
  packetDiff: vi.fn<Commands["packetDiff"]>(),
  listReviews: vi.fn<Commands["listReviews"]>(),
  addReview: vi.fn<Commands["addReview"]>(),
  updateReview: vi.fn<Commands["updateReview"]>(),
  setRuleCheck: vi.fn<Commands["setRuleCheck"]>(),
  reportRadar: vi.fn<Commands["reportRadar"]>(),
  cycleDashboard: vi.fn<Commands["cycleDashboard"]>(),
  acknowledgeSignal: vi.fn<Commands["acknowledgeSignal"]>(),
  listSignalAcks: vi.fn<Commands["listSignalAcks"]>(),
  getThresholds: vi.fn<Commands["getThresholds"]>(),
  setThresholds: vi.fn<Commands["setThresholds"]>(),
  listRules: vi.fn<Commands["listRules"]>(),
  createRule: vi.fn<Commands["createRule"]>(),
  updateRule: vi.fn<Commands["updateRule"]>(),
  listManagerChanges: vi.fn<Commands["listManagerChanges"]>(),
  addManagerChange: vi.fn<Commands["addManagerChange"]>(),
  updateManagerChange: vi.fn<Commands["updateManagerChange"]>(),
};

/** A write nobody set up: fails loudly in the UI and in the test. */
function unexpected(name: string) {
  return () => Promise.resolve(fail({ kind: "storage", message: `unexpected call to ${name} in a test` }));
}

/** Reads answer from the fixtures (an empty roster on the default ladder); writes fail. */
const DEFAULTS: Commands = {
  appInfo: () => Promise.resolve(APP_INFO),
  listReports: () => Promise.resolve(ok([])),
  getReport: (id) => Promise.resolve(fail({ kind: "not_found", message: `No report ${id}.` })),
  createReport: unexpected("createReport"),
  updateReport: unexpected("updateReport"),
  archiveReport: unexpected("archiveReport"),
  restoreReport: unexpected("restoreReport"),
  listLadder: () => Promise.resolve(ok(LADDER)),
  listLadderChanges: () => Promise.resolve(ok([])),
  addLevel: unexpected("addLevel"),
  renameLevel: unexpected("renameLevel"),
  moveLevel: unexpected("moveLevel"),
  removeLevel: unexpected("removeLevel"),
  listPeople: () => Promise.resolve(ok([])),
  createPerson: unexpected("createPerson"),
  updatePerson: unexpected("updatePerson"),
  listMandates: () => Promise.resolve(ok([])),
  setMandate: unexpected("setMandate"),
  updateMandate: unexpected("updateMandate"),
  closeMandate: unexpected("closeMandate"),
  listEvidence: () => Promise.resolve(ok([])),
  getEvidence: (id) => Promise.resolve(fail({ kind: "not_found", message: `No evidence item ${id}.` })),
  createEvidence: unexpected("createEvidence"),
  updateEvidence: unexpected("updateEvidence"),
  addVisibility: unexpected("addVisibility"),
  updateVisibility: unexpected("updateVisibility"),
  visibilityGaps: () => Promise.resolve(ok(NO_GAPS)),
  listAdvocates: () => Promise.resolve(ok([])),
  createAdvocate: unexpected("createAdvocate"),
  updateAdvocate: unexpected("updateAdvocate"),
  listMentorships: () => Promise.resolve(ok([])),
  createMentorship: unexpected("createMentorship"),
  updateMentorship: unexpected("updateMentorship"),
  addFeedback: unexpected("addFeedback"),
  updateFeedback: unexpected("updateFeedback"),
  deleteRecord: unexpected("deleteRecord"),
  restoreRecord: unexpected("restoreRecord"),
  search: (query) => Promise.resolve(ok({ query, hits: [], truncated: false })),
  reportTimeline: () => Promise.resolve(ok([])),
  listCycles: () => Promise.resolve(ok([])),
  getCycle: (id) => Promise.resolve(fail({ kind: "not_found", message: `No cycle ${id}.` })),
  createCycle: unexpected("createCycle"),
  updateCycle: unexpected("updateCycle"),
  listCandidates: () => Promise.resolve(ok([])),
  listCandidacies: () => Promise.resolve(ok([])),
  getCandidate: (id) => Promise.resolve(fail({ kind: "not_found", message: `No candidacy ${id}.` })),
  addCandidate: unexpected("addCandidate"),
  setReadiness: unexpected("setReadiness"),
  savePacket: unexpected("savePacket"),
  listPacketVersions: () => Promise.resolve(ok([])),
  packetDiff: unexpected("packetDiff"),
  listReviews: () => Promise.resolve(ok([])),
  addReview: unexpected("addReview"),
  updateReview: unexpected("updateReview"),
  setRuleCheck: unexpected("setRuleCheck"),
  reportRadar: (reportId, asOfDate) => Promise.resolve(ok(emptyRadar(reportId, asOfDate))),
  cycleDashboard: (id) => Promise.resolve(fail({ kind: "not_found", message: `No cycle ${id}.` })),
  acknowledgeSignal: unexpected("acknowledgeSignal"),
  listSignalAcks: () => Promise.resolve(ok([])),
  getThresholds: () => Promise.resolve(ok(DEFAULT_THRESHOLDS)),
  setThresholds: unexpected("setThresholds"),
  listRules: () => Promise.resolve(ok([])),
  createRule: unexpected("createRule"),
  updateRule: unexpected("updateRule"),
  listManagerChanges: () => Promise.resolve(ok([])),
  addManagerChange: unexpected("addManagerChange"),
  updateManagerChange: unexpected("updateManagerChange"),
};

/** Forgets earlier calls and sets every command to its default or to the given override. */
export function resetCommands(overrides: CommandOverrides = {}) {
  for (const name of Object.keys(commands) as CommandName[]) {
    const stub = commands[name] as Mock<(...args: unknown[]) => unknown>;
    stub.mockReset();
    stub.mockImplementation((overrides[name] ?? DEFAULTS[name]) as (...args: unknown[]) => unknown);
  }
}
