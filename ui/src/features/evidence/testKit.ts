// Shared by the evidence tests: open a report's Evidence tab with stubbed commands, and fill
// its forms as a user would.
import { screen } from "@testing-library/react";

import type { Evidence, EvidenceDraft } from "../../bindings";
import type { CommandOverrides } from "../../test/commands";
import { ADA, EV_ADA_PERSON, EV_COOWNER, EV_SKIP, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

type User = ReturnType<typeof renderApp>["user"];

/** Opens the Evidence tab of `report` (Ada by default) listing `evidence`. */
export async function openTab(evidence: Evidence[], overrides: CommandOverrides = {}, report = ADA) {
  const app = renderApp(`/reports/${report.id}/evidence`, {
    getReport: () => Promise.resolve(ok(report)),
    listEvidence: () => Promise.resolve(ok(evidence)),
    listPeople: () => Promise.resolve(ok([EV_ADA_PERSON, EV_COOWNER, EV_SKIP])),
    ...overrides,
  });
  await screen.findByRole("heading", { name: report.name });
  if (evidence.length > 0) await screen.findAllByTestId("evidence-card");
  return app;
}

/** The card of the evidence item titled `title`. */
export const card = (title: string) => screen.getByRole("article", { name: title });

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

/** The draft an unchanged edit form sends for `e`. */
export function draftOf(e: Evidence): EvidenceDraft {
  return {
    title: e.title,
    description: e.description,
    startedOn: e.startedOn,
    endedOn: e.endedOn ?? "",
    kind: e.kind,
    role: e.role,
    coOwnerIds: e.coOwners.map((p) => p.id),
    impact: e.impact,
    links: e.links,
    inProductionSince: e.inProductionSince ?? "",
    archetype: e.archetype,
    workMix: e.workMix,
    flagship: e.flagship,
  };
}
