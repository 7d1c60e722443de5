// Stand-ins for the generated bindings' `commands`: one vi.fn per command, with the same
// signature. Test files swap them in at the bindings boundary and nowhere else:
//
//   vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));
//
// renderApp (./render.tsx) resets them to the defaults below before every render.
import { vi, type Mock } from "vitest";

import type { commands as real } from "../bindings";
import { APP_INFO, LADDER, NO_GAPS, fail, ok } from "./fixtures";

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
};

/** Forgets earlier calls and sets every command to its default or to the given override. */
export function resetCommands(overrides: CommandOverrides = {}) {
  for (const name of Object.keys(commands) as CommandName[]) {
    const stub = commands[name] as Mock<(...args: unknown[]) => unknown>;
    stub.mockReset();
    stub.mockImplementation((overrides[name] ?? DEFAULTS[name]) as (...args: unknown[]) => unknown);
  }
}
