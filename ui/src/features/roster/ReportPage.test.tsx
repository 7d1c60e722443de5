import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ADA, fail, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

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

  it("says so when the report does not exist", async () => {
    renderApp("/reports/nope");
    expect(await screen.findByText("No report nope.")).toBeInTheDocument();
  });
});
