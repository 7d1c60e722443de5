// Shared by the cycle tests: open the pages with stubbed commands, and fill forms as a user would.
import { screen, waitFor } from "@testing-library/react";
import { expect } from "vitest";

import type { CommandOverrides } from "../../test/commands";
import {
  ADA,
  CY_ADA_CANDIDATE,
  CY_CYCLE,
  CY_DASHBOARD,
  CY_PRIYA,
  CY_RADAR,
  CY_REVIEW_PEER,
  CY_RULE_PROD,
  CY_RULE_TALK,
  CY_VERSION_1,
  CY_VERSION_2,
  EV_LEDGER,
  EV_ONCALL,
  NINA,
  OMAR,
  ok,
} from "../../test/fixtures";
import { renderApp } from "../../test/render";

type User = ReturnType<typeof renderApp>["user"];

/** Types into a field in one go (pasting: much faster than key by key, same result). */
export async function fill(user: User, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

/** Picks a person as a user would: type part of the name, then click them in the list. */
export async function choosePerson(user: User, input: HTMLElement, typed: string, option: string) {
  await user.click(input);
  await user.type(input, typed);
  await user.click(await screen.findByRole("option", { name: option }));
}

/** The dashboard of CY_CYCLE with Ada and Grace. */
export async function openDashboard(overrides: CommandOverrides = {}) {
  const app = renderApp(`/cycles/${CY_CYCLE.id}`, {
    cycleDashboard: () => Promise.resolve(ok(CY_DASHBOARD)),
    listCandidates: () => Promise.resolve(ok(CY_DASHBOARD.candidates.map((r) => r.candidate))),
    ...overrides,
  });
  await screen.findByRole("heading", { name: CY_CYCLE.name });
  return app;
}

/** Ada's candidacy in CY_CYCLE: two packet versions, Priya's review, her radar. */
export async function openCandidate(overrides: CommandOverrides = {}) {
  const app = renderApp(`/candidates/${CY_ADA_CANDIDATE.id}`, {
    getCandidate: () => Promise.resolve(ok(CY_ADA_CANDIDATE)),
    getCycle: () => Promise.resolve(ok(CY_CYCLE)),
    getReport: () => Promise.resolve(ok(ADA)),
    listPacketVersions: () => Promise.resolve(ok([CY_VERSION_2, CY_VERSION_1])),
    listReviews: () => Promise.resolve(ok([CY_REVIEW_PEER])),
    listRules: () => Promise.resolve(ok([CY_RULE_PROD, CY_RULE_TALK])),
    reportRadar: () => Promise.resolve(ok(CY_RADAR)),
    listEvidence: () => Promise.resolve(ok([EV_LEDGER, EV_ONCALL])),
    listPeople: () => Promise.resolve(ok([CY_PRIYA, NINA, OMAR])),
    ...overrides,
  });
  await screen.findByRole("link", { name: ADA.name });
  // The packet's versions are in.
  await waitFor(() => expect(screen.getByTestId("summary-packet")).not.toHaveTextContent("…"));
  return app;
}

/** Opens a tab of the candidate page. */
export async function openTab(user: User, name: string | RegExp) {
  await user.click(screen.getByRole("tab", { name }));
}
