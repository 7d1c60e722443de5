import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { focusRecord } from "../../lib/focus";
import { ADA, CY_SIGNAL_ACKED, CY_SIGNAL_NO_PEER, CY_SIGNAL_RULE_UNMET, OO_PREP, OO_TODAY, emptyRadar, fail, ok, ooDay, ooOnesWithNext } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { defaultTab } from "./ReportPage";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const ARCHIVED = { ...ADA, archivedAt: "2026-11-20T10:00:00Z", version: ADA.version + 1 };

describe("ReportPage", () => {
  it("shows the report's facts, flags an archetype mismatch and offers Edit", async () => {
    renderApp(`/reports/${ADA.id}`, { getReport: () => Promise.resolve(ok(ADA)) });

    expect(await screen.findByRole("heading", { name: "Ada Lovelace" })).toBeInTheDocument();
    expect(screen.getByText("Payments · Weak team")).toBeInTheDocument();
    expect(screen.getByText("mismatch")).toBeInTheDocument();
    expect(screen.getByText("Leads the ledger migration.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Edit" })).toHaveAttribute("href", `/reports/${ADA.id}/edit`);
    // The 1:1 cadence, and when the radar calls 1:1s lapsed.
    expect(screen.getByTestId("fact-cadence")).toHaveTextContent("1:1 everyEvery two weeks (the radar flags more than 21 days without one)");
  });

  it("counts the open signals on the Radar tab, in the colour of the worst, and none when all are handled", async () => {
    renderApp(`/reports/${ADA.id}`, {
      getReport: () => Promise.resolve(ok(ADA)),
      reportRadar: (id, asOf) => Promise.resolve(ok({ ...emptyRadar(id, asOf), signals: [CY_SIGNAL_NO_PEER, CY_SIGNAL_RULE_UNMET, CY_SIGNAL_ACKED] })),
    });
    const count = await screen.findByTestId("radar-tab-count");
    expect(count).toHaveTextContent("2");
    expect(count).toHaveAccessibleName("2 open signals");
  });

  it("shows no count on the Radar tab when every signal is acknowledged", async () => {
    const app = renderApp(`/reports/${ADA.id}`, {
      getReport: () => Promise.resolve(ok(ADA)),
      reportRadar: (id, asOf) => Promise.resolve(ok({ ...emptyRadar(id, asOf), signals: [CY_SIGNAL_ACKED] })),
    });
    expect(await screen.findByRole("heading", { name: "Ada Lovelace" })).toBeInTheDocument();
    // The radar has answered (and been rendered) before the count is looked for.
    await waitFor(() => expect(app.commands.reportRadar).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole("tab", { name: /Radar/ })).toBeInTheDocument();
    expect(screen.queryByTestId("radar-tab-count")).not.toBeInTheDocument();
  });

  it("shows a custom 1:1 cadence in days, and a monthly one as monthly", async () => {
    const { unmount } = renderApp(`/reports/${ADA.id}/overview`, { getReport: () => Promise.resolve(ok({ ...ADA, oneOnOneEveryDays: 10 })) });
    expect(await screen.findByTestId("fact-cadence")).toHaveTextContent("Every 10 days (the radar flags more than 15 days without one)");
    unmount();
    renderApp(`/reports/${ADA.id}/overview`, { getReport: () => Promise.resolve(ok({ ...ADA, oneOnOneEveryDays: 30 })) });
    expect(await screen.findByTestId("fact-cadence")).toHaveTextContent("Monthly (the radar flags more than 45 days without one)");
  });

  it("archives the report, then shows it archived with Restore and no Edit", async () => {
    let current = ADA;
    const app = renderApp(`/reports/${ADA.id}`, {
      getReport: () => Promise.resolve(ok(current)),
      archiveReport: (id) => {
        current = ARCHIVED;
        return Promise.resolve(ok({ ...ARCHIVED, id }));
      },
    });

    await app.user.click(await screen.findByRole("button", { name: "Archive" }));

    expect(app.commands.archiveReport).toHaveBeenCalledWith(ADA.id);
    expect(await screen.findByText(/Archived on 20 Nov 2026/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Restore" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Edit" })).not.toBeInTheDocument();
    // The notice says where the report went.
    await waitFor(() => expect(screen.getByText(/Find them under Roster → Archived/)).toBeInTheDocument());
  });

  it("restores an archived report", async () => {
    const app = renderApp(`/reports/${ADA.id}`, {
      getReport: () => Promise.resolve(ok(ARCHIVED)),
      restoreReport: () => Promise.resolve(ok({ ...ADA, version: ARCHIVED.version + 1 })),
    });

    await app.user.click(await screen.findByRole("button", { name: "Restore" }));

    expect(app.commands.restoreReport).toHaveBeenCalledWith(ADA.id);
    expect(await screen.findByRole("link", { name: "Edit" })).toBeInTheDocument();
    expect(screen.queryByText(/Archived on/)).not.toBeInTheDocument();
  });

  it("shows why an archive failed and keeps the page", async () => {
    const app = renderApp(`/reports/${ADA.id}`, {
      getReport: () => Promise.resolve(ok(ADA)),
      archiveReport: () => Promise.resolve(fail({ kind: "storage", message: "The disk is full." })),
    });

    await app.user.click(await screen.findByRole("button", { name: "Archive" }));

    expect(await screen.findByText("The disk is full.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Ada Lovelace" })).toBeInTheDocument();
  });

  it("loads the 1:1s while the overview shows, so that the 1:1s tab opens on them without asking again", async () => {
    const app = renderApp(`/reports/${ADA.id}/overview`, { getReport: () => Promise.resolve(ok(ADA)) });
    expect(await screen.findByRole("heading", { name: "Ada Lovelace" })).toBeInTheDocument();
    await waitFor(() => expect(app.commands.listOneOnOnes).toHaveBeenCalledWith(ADA.id));

    await app.user.click(screen.getByRole("tab", { name: "1:1s" }));
    expect(await screen.findByTestId("next-one-on-one")).toBeInTheDocument();
    expect(app.commands.listOneOnOnes).toHaveBeenCalledTimes(1);
  });

  it("says so when the report does not exist", async () => {
    renderApp("/reports/nope");
    expect(await screen.findByText("No report nope.")).toBeInTheDocument();
  });

  describe("the tab it opens on", () => {
    const open = (path: string, nextInDays: number) =>
      renderApp(path, {
        getReport: () => Promise.resolve(ok(ADA)),
        listOneOnOnes: () => Promise.resolve(ok(ooOnesWithNext(nextInDays))),
        getPrep: () => Promise.resolve(ok({ ...OO_PREP, nextOneOnOne: ooDay(nextInDays) })),
      });
    const selected = async () => (await screen.findByRole("tab", { selected: true })).textContent;

    it("is the 1:1 prep when the next 1:1 is tomorrow", async () => {
      open(`/reports/${ADA.id}`, 1);
      expect(await selected()).toBe("1:1 prep");
      expect(await screen.findByTestId("prep")).toBeInTheDocument();
      expect(screen.queryByText("Payments · Weak team")).not.toBeInTheDocument();
    });

    it("is the overview when the next 1:1 is in 5 days", async () => {
      open(`/reports/${ADA.id}`, 5);
      expect(await selected()).toBe("Overview");
      expect(screen.getByText("Payments · Weak team")).toBeInTheDocument();
      expect(screen.queryByTestId("prep")).not.toBeInTheDocument();
    });

    it("reaches the overview by its own address, and every tab by an explicit path", async () => {
      const app = open(`/reports/${ADA.id}`, 0);
      expect(await selected()).toBe("1:1 prep");

      await app.user.click(screen.getByRole("tab", { name: "Overview" }));
      expect(app.path()).toBe(`/reports/${ADA.id}/overview`);
      expect(await screen.findByText("Payments · Weak team")).toBeInTheDocument();
      expect(await selected()).toBe("Overview");

      await app.user.click(screen.getByRole("tab", { name: "1:1s" }));
      expect(app.path()).toBe(`/reports/${ADA.id}/one-on-ones`);
      expect(await screen.findByTestId("next-one-on-one")).toBeInTheDocument();
    });

    it("is the overview when search asks for a record shown there, even with a 1:1 tomorrow", async () => {
      focusRecord("m-ledger");
      open(`/reports/${ADA.id}`, 1);
      expect(await selected()).toBe("Overview");
      focusRecord(null);
    });

    it("counts today, tomorrow and the day after as close", () => {
      const expected: [string | null, string][] = [
        [null, "overview"],
        [ooDay(-1), "overview"],
        [OO_TODAY, "prep"],
        [ooDay(1), "prep"],
        [ooDay(2), "prep"],
        [ooDay(3), "overview"],
        [ooDay(5), "overview"],
      ];
      for (const [next, tab] of expected) expect(defaultTab(next, OO_TODAY)).toBe(tab);
      expect(defaultTab(ooDay(1), OO_TODAY, true)).toBe("overview");
    });
  });
});
