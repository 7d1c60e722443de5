import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { PersonRef, UnseenEvidence, VisibilityGaps } from "../../bindings";
import { ADA, EV_LEDGER, EV_ONCALL, EV_SKIP, NO_GAPS, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const MARGARET: PersonRef = { id: EV_SKIP.id, name: EV_SKIP.name, title: EV_SKIP.title, relationship: "skip_level" };
const unseen = (e: typeof EV_LEDGER): UnseenEvidence => ({
  id: e.id,
  title: e.title,
  kind: e.kind,
  role: e.role,
  startedOn: e.startedOn,
  hasImpact: e.impact !== "",
});

async function openOverview(gaps: VisibilityGaps) {
  const app = renderApp(`/reports/${ADA.id}`, {
    getReport: () => Promise.resolve(ok(ADA)),
    visibilityGaps: () => Promise.resolve(ok(gaps)),
    listEvidence: () => Promise.resolve(ok([EV_LEDGER, EV_ONCALL])),
  });
  const card = await screen.findByTestId("visibility-gaps");
  await within(card).findByRole("heading", { name: "Who has seen the work" });
  await waitFor(() => expect(within(card).queryByLabelText("Loading visibility gaps")).not.toBeInTheDocument());
  return { app, card: within(card) };
}

describe("VisibilityGapsCard", () => {
  it("lists the evidence the skip-level has not seen, led and quantified work first", async () => {
    const { app, card } = await openOverview({
      ...NO_GAPS,
      skipLevels: [MARGARET],
      unseenBySkipLevel: [unseen(EV_ONCALL), unseen(EV_LEDGER)],
      evidenceCount: 3,
    });

    expect(card.getByTestId("skip-level-gaps")).toHaveTextContent(
      "2 of 3 evidence items have not been seen by the skip-level (Margaret Hamilton).",
    );
    const [first, second] = card.getAllByTestId("unseen-item");
    expect(first).toHaveTextContent("Ledger migration · Project · Led · 1 Feb 2024");
    expect(first).toHaveTextContent("Led + quantified: show it");
    expect(first).toHaveAttribute("data-weighty", "true");
    // A positive mark: in the positive colour, never red.
    const showIt = within(first!).getByTestId("show-it").getAttribute("style") ?? "";
    expect(showIt).toContain("teal");
    expect(showIt).not.toContain("red");
    // The flagship is marked as such: the packet leads with it.
    await waitFor(() => expect(within(first!).getByTestId("flagship")).toHaveTextContent("Flagship"));
    expect(within(second!).queryByTestId("flagship")).not.toBeInTheDocument();
    expect(second).toHaveTextContent("On-call handbook · Glue work · Contributed · 10 Jan 2025");
    expect(second).toHaveTextContent("impact not quantified");
    expect(second).not.toHaveAttribute("data-weighty");
    expect(card.getByTestId("committee-gaps")).toHaveTextContent(
      "Committee gaps appear once Ada Lovelace is a candidate in a cycle.",
    );

    // Each item opens the evidence tab with its card brought into view.
    const link = within(first!).getByRole("link", { name: "Ledger migration" });
    expect(link).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);
    await app.user.click(link);

    expect(app.path()).toBe(`/reports/${ADA.id}/evidence`);
    const target = await screen.findByRole("article", { name: "Ledger migration" });
    await waitFor(() => expect(target).toHaveFocus());
    expect(target).toHaveAttribute("data-highlighted", "true");
    expect(screen.getByRole("article", { name: "On-call handbook" })).not.toHaveAttribute("data-highlighted");
  });

  it("says when the skip-level has seen everything", async () => {
    const { card } = await openOverview({ ...NO_GAPS, skipLevels: [MARGARET], evidenceCount: 2 });

    expect(card.getByTestId("skip-level-gaps")).toHaveTextContent(
      "All 2 evidence items have been seen by the skip-level (Margaret Hamilton).",
    );
    expect(card.queryAllByTestId("unseen-item")).toHaveLength(0);
  });

  it("asks for a skip-level when none is recorded", async () => {
    const { card } = await openOverview({
      ...NO_GAPS,
      unseenBySkipLevel: [unseen(EV_LEDGER)],
      evidenceCount: 1,
    });

    expect(card.getByTestId("no-skip-level")).toHaveTextContent("No skip-level is recorded");
    expect(card.getByRole("link", { name: "Record your manager as Skip-level in People" })).toHaveAttribute("href", "/people");
    expect(card.queryAllByTestId("unseen-item")).toHaveLength(0);
  });

  it("prompts for evidence when there is none", async () => {
    const { card } = await openOverview(NO_GAPS);

    expect(card.getByText(/No evidence recorded yet/)).toBeVisible();
    expect(card.getByRole("link", { name: "Add Ada Lovelace's first evidence item" })).toHaveAttribute(
      "href",
      `/reports/${ADA.id}/evidence`,
    );
    expect(card.queryByTestId("skip-level-gaps")).not.toBeInTheDocument();
    expect(card.queryByTestId("no-skip-level")).not.toBeInTheDocument();
  });

  it("lists what the committee has not seen once there is one", async () => {
    const committee: PersonRef[] = [MARGARET, { ...MARGARET, id: "p-barbara", name: "Barbara Liskov", relationship: "leadership" }];
    const { card } = await openOverview({
      skipLevels: [MARGARET],
      unseenBySkipLevel: [],
      committee,
      unseenByCommittee: [unseen(EV_ONCALL)],
      evidenceCount: 2,
    });

    expect(card.getByTestId("committee-gaps")).toHaveTextContent(
      "1 of 2 evidence items has not been seen by anyone on the calibration committee (Margaret Hamilton, Barbara Liskov).",
    );
    expect(card.getByRole("list", { name: "Evidence not seen by the committee" })).toHaveTextContent("On-call handbook");
  });
});
