import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { MandateCheck, Prep } from "../../bindings";
import { formatDate } from "../../lib/dates";
import type { CommandOverrides, Commands } from "../../test/commands";
import { ADA, ADA_MANDATE, OO_ONES, OO_PREP, OO_PREP_EMPTY, ok, ooDay } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { dayDate } from "../oneonones/dates";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function openPrep(prep: Prep, overrides: CommandOverrides = {}) {
  return renderApp(`/reports/${ADA.id}/prep`, {
    getReport: () => Promise.resolve(ok(ADA)),
    getPrep: () => Promise.resolve(ok(prep)),
    ...overrides,
  });
}

const section = (testId: string) => screen.getByTestId(testId);

describe("PrepTab", { timeout: 15_000 }, () => {
  it("shows every section, in order, from the core's prep", async () => {
    openPrep(OO_PREP);
    const prep = await screen.findByTestId("prep");

    expect(within(prep).getByTestId("prep-header")).toHaveTextContent(
      `1:1 prep · next 1:1 ${dayDate(ooDay(1))} (tomorrow) · since ${dayDate(ooDay(-7))}`,
    );
    const headings = within(prep).getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(["Since the last 1:1", "Agenda", "Open action items", "Mandate", "Questions to ask"]);

    // Since the last 1:1: one compact line per change, in the record's order.
    const lines = within(section("prep-changes")).getAllByRole("listitem");
    expect(lines.map((l) => l.getAttribute("data-change"))).toEqual([
      "evidence",
      "feedback",
      "visibility",
      "review",
      "signal-appeared",
      "signal-cleared",
    ]);
    expect(lines[0]).toHaveTextContent(`Evidence: Ledger migration — in production${formatDate(ooDay(-3))}`);
    expect(lines[1]).toHaveTextContent("Feedback from Bob Kahn's manager: Negative “Our sessions keep getting cancelled");
    expect(lines[2]).toHaveTextContent("Seen by Margaret Hamilton: Ledger migration (Demo)");
    expect(lines[3]).toHaveTextContent("Packet review by Priya Raman (Staff-level peer): “Where is the staff project?");
    expect(lines[4]).toHaveTextContent("New signal: No packet draft: No packet draft 4 months before calibration");
    expect(lines[4]).toHaveAttribute("data-severity", "high");
    expect(within(lines[4]!).getByTestId("severity")).toHaveTextContent("high");
    expect(lines[5]).toHaveTextContent("Cleared: No advocate: No leader is recorded as ready to speak for their work.");
    expect(screen.queryByTestId("nothing-new")).not.toBeInTheDocument();

    // The agenda, with how often each item was carried.
    const agenda = section("prep-agenda");
    expect(within(agenda).getByTestId("prep-agenda-ag-scope")).toHaveTextContent("carried ×2");
    expect(within(agenda).getByTestId("prep-agenda-ag-scope")).toHaveTextContent("Shared");
    expect(within(within(agenda).getByTestId("prep-agenda-ag-packet")).queryByTestId("carried")).not.toBeInTheDocument();

    // Open action items, overdue first and marked so.
    const actions = within(within(section("prep-actions")).getByRole("list")).getAllByRole("listitem");
    expect(actions.map((a) => a.getAttribute("data-testid"))).toEqual(["prep-action-ac-numbers", "prep-action-ac-slot"]);
    expect(actions[0]).toHaveAttribute("data-overdue", "true");
    expect(within(actions[0]!).getByTestId("overdue")).toHaveTextContent(`Overdue: due ${formatDate(ooDay(-3))}`);
    expect(within(actions[0]!).getByTestId("owner")).toHaveTextContent("Them");
    expect(actions[1]).not.toHaveAttribute("data-overdue");
    expect(actions[1]).toHaveTextContent(`Due ${formatDate(ooDay(5))}`);

    // The mandate: review due within 30 days, in orange.
    const mandate = within(section("prep-mandate")).getByTestId("mandate-line");
    expect(mandate).toHaveAttribute("data-state", "review_due");
    expect(mandate).toHaveTextContent(ADA_MANDATE.statement);
    expect(within(mandate).getByTestId("mandate-state")).toHaveTextContent(`Mandate review due ${formatDate(ooDay(20))}`);
    expect(mandate.style.borderLeft).toContain("orange");

    // Questions, numbered, each with why it is suggested.
    const questions = section("prep-questions");
    expect(within(questions).getByRole("list", { name: "Questions to ask" }).tagName).toBe("OL");
    const asked = within(questions).getAllByTestId("prep-question");
    expect(asked).toHaveLength(3);
    expect(asked[0]).toHaveTextContent("Who outside Payments has seen the ledger work in the last month?");
    expect(within(asked[0]!).getByTestId("because")).toHaveTextContent("Radar: High-impact work unseen");
    expect(within(questions).getByRole("link", { name: "Edit the question bank" })).toHaveAttribute("href", "/questions");
  });

  it("says nothing changed, with no 1:1 recorded yet and none planned", async () => {
    openPrep(OO_PREP_EMPTY);
    const prep = await screen.findByTestId("prep");
    expect(within(prep).getByTestId("prep-header")).toHaveTextContent(
      "1:1 prep · next 1:1 none planned · since the last 4 weeks (no 1:1 recorded yet)",
    );
    expect(screen.getByTestId("nothing-new")).toHaveTextContent(`Nothing new since ${formatDate(ooDay(-28))}: no evidence, feedback, mandate change or signal.`);
    expect(section("prep-agenda")).toHaveTextContent("Nothing carried over.");
    expect(section("prep-actions")).toHaveTextContent("No open action items.");
    expect(section("prep-questions")).toHaveTextContent("No questions to suggest");
  });

  it("colours each state of the mandate", async () => {
    const cases: [MandateCheck, string, string][] = [
      [{ state: "missing", mandate: null }, "No active mandate: agree one", "red"],
      [{ state: "review_overdue", mandate: { ...ADA_MANDATE, reviewBy: "2026-01-15" } }, "Mandate review overdue: it was due 15 Jan 2026", "red"],
      [{ state: "no_review_date", mandate: ADA_MANDATE }, "No review date set", "yellow"],
      [{ state: "on_track", mandate: { ...ADA_MANDATE, reviewBy: ooDay(90) } }, `Review by ${formatDate(ooDay(90))}`, "teal"],
    ];
    for (const [check, words, color] of cases) {
      const app = openPrep({ ...OO_PREP, mandate: check });
      const line = await screen.findByTestId("mandate-line");
      expect(line).toHaveAttribute("data-state", check.state);
      expect(within(line).getByTestId("mandate-state")).toHaveTextContent(words);
      expect(line.style.borderLeft).toContain(color);
      if (check.mandate) expect(line).toHaveTextContent(check.mandate.statement);
      app.unmount();
    }
  });

  it("prints the prep", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const app = openPrep(OO_PREP);
    await app.user.click(await screen.findByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalledTimes(1);
    // On paper: the report's name, without the buttons, the tabs or the app around it.
    expect(screen.getByText("Ada Lovelace · Staff → Senior Staff")).toHaveClass("print-only");
    expect(screen.getByRole("button", { name: "Print" }).closest(".no-print")).not.toBeNull();
    expect(screen.getByRole("tablist").closest(".no-print")).not.toBeNull();
    expect(screen.getAllByTestId("prep-changes")[0]).toHaveClass("prep-section");
  });

  it("adds to the next 1:1's agenda from the prep, and refreshes the prep", async () => {
    const addAgendaItem = vi.fn<Commands["addAgendaItem"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openPrep(OO_PREP, { addAgendaItem });
    const agenda = await screen.findByTestId("prep-agenda");
    expect(app.commands.getPrep).toHaveBeenCalledTimes(1);
    await app.user.type(getByLabel("Add to agenda", agenda), "Ask about the reorg rumours{Enter}");
    expect(addAgendaItem).toHaveBeenCalledWith(ADA.id, null, { text: "Ask about the reorg rumours", shared: false });
    await waitFor(() => expect(app.commands.getPrep).toHaveBeenCalledTimes(2));
  });
});
