import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { CandidateDraft, Report } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, CY_ADA_CANDIDATE, CY_CYCLE, CY_DASHBOARD, GRACE, level, levelId, ok } from "../../test/fixtures";
import { getByLabel } from "../../test/render";
import { todayIso } from "../../lib/dates";
import { fill, openDashboard } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const rows = () => screen.getAllByTestId("candidate-row");
const names = () => rows().map((r) => within(r).getByTestId("candidate-name").textContent);
const cell = (name: string, testId: string) => {
  const row = rows().find((r) => within(r).queryByRole("link", { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return within(row).getByTestId(testId);
};

/** Staff aiming for Principal, not yet a candidate. */
const LINUS: Report = { ...GRACE, id: "r-linus", personId: "p-linus", name: "Linus Torvalds", currentLevel: level("Staff"), targetLevel: level("Principal") };

describe("CycleDashboardPage", () => {
  it("shows the countdowns and one line per candidate, with counts by severity and signals on demand", async () => {
    const app = await openDashboard();

    expect(screen.getByTestId("calibration-countdown")).toHaveTextContent("Calibration on 15 Mar 2027: in 4 months (120 days)");
    expect(screen.getByTestId("packet-countdown")).toHaveTextContent("Packet due 15 Feb 2027 (in 3 months)");
    expect(screen.getByTestId("packet-countdown")).toHaveTextContent("committee: Omar Haddad, Nina Patel (joined 1 Oct 2026)");
    expect(screen.getByTestId("as-of-shown")).toHaveTextContent("Radar as of 15 Nov 2026 (today)");
    expect(app.commands.cycleDashboard).toHaveBeenCalledWith(CY_CYCLE.id, "");

    // Most high-severity signals first.
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]);
    expect(screen.getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", `/candidates/${CY_ADA_CANDIDATE.id}`);
    expect(cell("Ada Lovelace", "target-level")).toHaveTextContent("Senior Staff");
    expect(cell("Grace Hopper", "target-level")).toHaveTextContent("Principal");
    expect(cell("Ada Lovelace", "readiness")).toHaveTextContent("Undecided");
    expect(cell("Grace Hopper", "readiness")).toHaveTextContent("Ready");
    expect(cell("Ada Lovelace", "packet-status")).toHaveTextContent("2 versions");
    expect(cell("Grace Hopper", "packet-status")).toHaveTextContent("no draft");
    expect(cell("Ada Lovelace", "count-high")).toHaveTextContent("1");
    expect(cell("Ada Lovelace", "count-medium")).toHaveTextContent("1");
    expect(cell("Ada Lovelace", "count-low")).toHaveTextContent("0");
    expect(cell("Ada Lovelace", "count-acknowledged")).toHaveTextContent("1");
    expect(cell("Grace Hopper", "count-high")).toHaveTextContent("2");
    expect(cell("Grace Hopper", "count-low")).toHaveTextContent("1");

    const toggle = screen.getByRole("button", { name: "Show signals for Ada Lovelace" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await app.user.click(toggle);
    expect(screen.getByRole("button", { name: "Hide signals for Ada Lovelace" })).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("list", { name: "Signals for Ada Lovelace" });
    const signals = within(list).getAllByTestId("signal");
    // Open ones first, most severe first; the acknowledged one last.
    expect(signals[0]).toHaveTextContent("No staff-level peer has reviewed the packet.");
    expect(signals[0]).toHaveTextContent("Since 1 Oct 2026 · 165 days before calibration");
    expect(signals[1]).toHaveTextContent("Rule of thumb unmet");
    expect(signals[2]).toHaveTextContent("Acknowledged: Omar agreed to speak for the ledger.");
    expect(screen.getByRole("link", { name: "Open Ada Lovelace's radar" })).toHaveAttribute("href", `/reports/${ADA.id}/radar`);
  });

  it("sorts by any column, both ways", async () => {
    const app = await openDashboard();
    const sortBy = (name: string) => app.user.click(screen.getByRole("button", { name: `Sort by ${name}` }));
    const header = (name: string) => screen.getByRole("button", { name: `Sort by ${name}` }).closest("th");

    expect(header("high-severity signals")).toHaveAttribute("aria-sort", "descending");
    await sortBy("name");
    expect(names()).toEqual(["Ada Lovelace", "Grace Hopper"]);
    expect(header("name")).toHaveAttribute("aria-sort", "ascending");
    expect(header("high-severity signals")).toHaveAttribute("aria-sort", "none");
    await sortBy("name");
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]);
    expect(header("name")).toHaveAttribute("aria-sort", "descending");
    await sortBy("medium-severity signals");
    expect(names()).toEqual(["Ada Lovelace", "Grace Hopper"]);
    await sortBy("low-severity signals");
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]);
    await sortBy("readiness");
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]); // ready before undecided
    await sortBy("target level");
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]); // Principal above Senior Staff
    await sortBy("target level");
    expect(names()).toEqual(["Ada Lovelace", "Grace Hopper"]);
  });

  it("replays the radar on the date typed, and back to today", async () => {
    const cycleDashboard = vi.fn<Commands["cycleDashboard"]>((_id, asOf) =>
      Promise.resolve(ok(asOf ? { ...CY_DASHBOARD, asOf, daysToCalibration: 165, candidates: CY_DASHBOARD.candidates.slice(0, 1) } : CY_DASHBOARD)),
    );
    const app = await openDashboard({ cycleDashboard });
    const asOf = getByLabel("As of");

    await fill(app.user, asOf, "2026-10-01");
    await waitFor(() => expect(cycleDashboard).toHaveBeenLastCalledWith(CY_CYCLE.id, "2026-10-01"));
    // Only whole dates are asked for.
    expect(cycleDashboard.mock.calls.map((c) => c[1])).toEqual(["", "2026-10-01"]);
    await waitFor(() => expect(screen.getByTestId("as-of-shown")).toHaveTextContent("Radar as of 1 Oct 2026"));
    expect(screen.getByTestId("calibration-countdown")).toHaveTextContent("(165 days)");
    expect(names()).toEqual(["Ada Lovelace"]);

    await app.user.click(screen.getByRole("button", { name: "Today" }));
    expect(asOf).toHaveValue("");
    await waitFor(() => expect(screen.getByTestId("as-of-shown")).toHaveTextContent("Radar as of 15 Nov 2026 (today)"));
    expect(names()).toEqual(["Grace Hopper", "Ada Lovelace"]);
  });

  it("adds a candidate from the active roster, for their target level, added today", async () => {
    const addCandidate = vi.fn<Commands["addCandidate"]>((_cycleId, draft) =>
      Promise.resolve(ok({ ...CY_ADA_CANDIDATE, id: "cand-linus", reportId: draft.reportId ?? "", reportName: LINUS.name })),
    );
    const app = await openDashboard({
      listReports: (filter) => Promise.resolve(ok(filter === "active" ? [ADA, GRACE, LINUS] : [])),
      addCandidate,
    });

    await app.user.click(screen.getByRole("button", { name: "Add candidate" }));
    const form = await screen.findByRole("form", { name: "Add candidate" });
    const report = getByLabel("Report", form);
    await waitFor(() => expect(within(report).getAllByRole("option")).toHaveLength(2));
    // Reports who are candidates already are not offered.
    expect(within(report).getAllByRole("option").map((o) => o.textContent)).toEqual(["Choose…", "Linus Torvalds (Staff)"]);
    await app.user.selectOptions(report, "Linus Torvalds (Staff)");
    expect(getByLabel("Target level", form)).toHaveDisplayValue("Principal");
    expect(getByLabel("Added on", form)).toHaveValue(todayIso());
    await app.user.click(within(form).getByRole("button", { name: "Add candidate" }));

    await waitFor(() => expect(addCandidate).toHaveBeenCalledTimes(1));
    expect(addCandidate).toHaveBeenCalledWith(CY_CYCLE.id, {
      reportId: LINUS.id,
      targetLevelId: levelId("Principal"),
      addedOn: todayIso(),
    } satisfies CandidateDraft);
    await waitFor(() => expect(screen.queryByRole("form", { name: "Add candidate" })).not.toBeInTheDocument());
    expect(await screen.findByText(`Added Linus Torvalds to ${CY_CYCLE.name}.`)).toBeInTheDocument();
  });

  it("says what to do when the cycle has no candidates yet", async () => {
    const app = await openDashboard({
      cycleDashboard: () => Promise.resolve(ok({ ...CY_DASHBOARD, candidates: [] })),
      listCandidates: () => Promise.resolve(ok([])),
    });
    const empty = screen.getByTestId("dashboard-empty");
    expect(empty).toHaveTextContent("No candidates in this cycle");
    await app.user.click(within(empty).getByRole("button", { name: "Add the first candidate" }));
    expect(await screen.findByRole("form", { name: "Add candidate" })).toBeInTheDocument();
  });
});
