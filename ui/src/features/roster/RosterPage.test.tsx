import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ADA, GRACE, fail, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

describe("RosterPage", () => {
  it("shows an empty state whose action opens the new report form", async () => {
    const app = renderApp("/roster", { listReports: () => Promise.resolve(ok([])) });

    expect(await screen.findByText("No reports yet")).toBeVisible();
    expect(app.commands.listReports).toHaveBeenCalledWith("active");
    expect(screen.queryByRole("table", { name: "Reports" })).not.toBeInTheDocument();

    await app.user.click(screen.getByRole("link", { name: "Add your first report" }));

    expect(app.path()).toBe("/reports/new");
    expect(await screen.findByRole("heading", { name: "Add a report" })).toBeVisible();
  });

  it("writes an archetype mismatch out in words that wrap, not in a badge that cuts them", async () => {
    renderApp("/roster", { listReports: () => Promise.resolve(ok([ADA, GRACE])) });
    const table = await screen.findByRole("table", { name: "Reports" });

    const [ada, grace] = within(table).getAllByTestId("archetype");
    expect(ada).toHaveTextContent("Solver · needs Architect");
    expect(ada).toHaveAccessibleName("Works as Solver; the organisation needs Architect.");
    expect(ada).toHaveAttribute("tabindex", "0");
    expect(grace).toHaveTextContent("Tech Lead");
    for (const cell of [ada, grace]) expect(cell?.closest(".mantine-Badge-root")).toBeNull();
  });

  it("shows each active report's open signals by severity, readiness and next 1:1", async () => {
    renderApp("/roster", {
      listReports: () => Promise.resolve(ok([ADA, GRACE])),
      getRosterGlance: () =>
        Promise.resolve(
          ok([
            {
              reportId: ADA.id,
              reportName: ADA.name,
              high: 4,
              medium: 0,
              low: 2,
              readiness: "not_ready",
              nextOneOnOne: { reportId: ADA.id, reportName: ADA.name, on: "2099-01-01", planned: true },
            },
            { reportId: GRACE.id, reportName: GRACE.name, high: 0, medium: 0, low: 0, readiness: null, nextOneOnOne: null },
          ]),
        ),
    });
    const table = await screen.findByRole("table", { name: "Reports" });
    expect(within(table).getByRole("columnheader", { name: "Open signals" })).toBeInTheDocument();
    const [, adaRow, graceRow] = within(table).getAllByRole("row");
    if (!adaRow || !graceRow) throw new Error("rows missing");
    expect(await within(adaRow).findByLabelText("4 high, 2 low")).toBeInTheDocument();
    expect(adaRow).toHaveTextContent("Not ready");
    expect(adaRow).toHaveTextContent("(1 Jan 2099)");
    expect(graceRow).toHaveTextContent("None open");
    expect(graceRow).toHaveTextContent("Not a candidate");
  });

  it("lists each report with level → target, team and archetype fit", async () => {
    renderApp("/roster", { listReports: () => Promise.resolve(ok([ADA, GRACE])) });

    const table = await screen.findByRole("table", { name: "Reports" });
    const [, adaRow, graceRow, ...more] = within(table).getAllByRole("row");
    expect(more).toHaveLength(0);

    // Ada: Staff aiming for Senior Staff, a Solver where an Architect is needed, weak team.
    const ada = within(adaRow!);
    expect(ada.getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", "/reports/r-ada");
    expect(ada.getByText("Staff → Senior Staff")).toBeVisible();
    expect(ada.getByText("Payments")).toBeVisible();
    expect(ada.getByText("weak team")).toBeVisible();
    const mismatch = ada.getByText("Solver · needs Architect");
    expect(mismatch).toBeVisible();
    expect(ada.getByLabelText("Works as Solver; the organisation needs Architect.")).toHaveTextContent(
      "Solver · needs Architect",
    );

    // Grace: no promotion target, the archetype the organisation needs, strong team.
    const grace = within(graceRow!);
    expect(grace.getByRole("link", { name: "Grace Hopper" })).toHaveAttribute("href", "/reports/r-grace");
    expect(grace.getByText("Senior Staff (no promotion target)")).toBeVisible();
    expect(grace.getByText("Compilers")).toBeVisible();
    expect(grace.queryByText("weak team")).not.toBeInTheDocument();
    expect(grace.getByText("Tech Lead")).toBeVisible();
    expect(grace.queryByText(/needs/)).not.toBeInTheDocument();
    expect(grace.queryByLabelText(/the organisation needs/)).not.toBeInTheDocument();
  });

  it("flags an unclear archetype even when worked and needed agree", async () => {
    renderApp("/roster", {
      listReports: () => Promise.resolve(ok([{ ...GRACE, archetypeWorked: "unclear", archetypeNeeded: "unclear" }])),
    });

    expect(await screen.findByLabelText("The archetype is unclear: worth a conversation.")).toHaveTextContent(
      /^Unclear$/,
    );
  });

  it("switches to the archived tab, which lists archived reports with its own empty state", async () => {
    const app = renderApp("/roster", {
      listReports: (filter) => Promise.resolve(ok(filter === "active" ? [ADA] : [])),
    });
    await screen.findByRole("table", { name: "Reports" });
    expect(screen.getByRole("tab", { name: "Active" })).toHaveAttribute("aria-selected", "true");

    await app.user.click(screen.getByRole("tab", { name: "Archived" }));

    expect(app.path()).toBe("/archived");
    expect(await screen.findByText("Nothing archived")).toBeVisible();
    expect(app.commands.listReports).toHaveBeenLastCalledWith("archived");
    expect(screen.getByRole("tab", { name: "Archived" })).toHaveAttribute("aria-selected", "true");
    expect(screen.queryByRole("table", { name: "Reports" })).not.toBeInTheDocument();
    expect(screen.queryByText("No reports yet")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Add your first report" })).not.toBeInTheDocument();
  });

  it("lists archived reports on the archived tab", async () => {
    const archived = { ...ADA, archivedAt: "2024-07-01T10:00:00Z" };
    renderApp("/archived", {
      listReports: (filter) => Promise.resolve(ok(filter === "archived" ? [archived] : [GRACE])),
    });

    const table = await screen.findByRole("table", { name: "Reports" });
    expect(within(table).getByRole("link", { name: "Ada Lovelace" })).toBeVisible();
    expect(within(table).queryByRole("link", { name: "Grace Hopper" })).not.toBeInTheDocument();
  });

  it("shows a storage error from the roster in an alert", async () => {
    renderApp("/roster", {
      listReports: () => Promise.resolve(fail({ kind: "storage", message: "The database file is locked." })),
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The data could not be read or written");
    expect(alert).toHaveTextContent("The database file is locked.");
    expect(screen.queryByText("No reports yet")).not.toBeInTheDocument();
  });

  it("opens the new report form when N is pressed", async () => {
    const app = renderApp("/roster", { listReports: () => Promise.resolve(ok([ADA])) });
    await screen.findByRole("table", { name: "Reports" });

    await app.user.keyboard("n");

    expect(app.path()).toBe("/reports/new");
    expect(await screen.findByRole("heading", { name: "Add a report" })).toBeVisible();
  });
});
