import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { BackupInfo, ImportOutcome } from "../../bindings";
import type { Commands } from "../../test/commands";
import { fail, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const DAILY: BackupInfo = {
  fileName: "trellis-20261124T093000Z-daily.sqlite3",
  kind: "daily",
  createdAt: "2026-11-24T09:30:00Z",
  sizeBytes: 3.4 * 1024 * 1024,
  counts: [
    { label: "Reports", count: 12 },
    { label: "Evidence items", count: 340 },
  ],
  schemaVersion: 4,
  problem: null,
};
const PRE_MIGRATION: BackupInfo = {
  ...DAILY,
  fileName: "trellis-20261120T080000Z-pre-migration-v3.sqlite3",
  kind: "pre_migration",
  createdAt: "2026-11-20T08:00:00Z",
  sizeBytes: 800 * 1024,
  schemaVersion: 3,
};
const BROKEN: BackupInfo = {
  ...DAILY,
  fileName: "trellis-20261119T080000Z-daily.sqlite3",
  createdAt: "2026-11-19T08:00:00Z",
  counts: [],
  problem: "it failed its integrity check",
};

function row(i: number): HTMLElement {
  const found = screen.getAllByTestId("backup-row")[i];
  if (!found) throw new Error(`no backup row ${i}`);
  return found;
}

describe("DataPage: backups", () => {
  it("says when there are no backups yet and when the first one is made", async () => {
    renderApp("/data");
    const empty = await screen.findByTestId("backups-empty");
    expect(empty).toHaveTextContent("No backups yet");
    expect(empty).toHaveTextContent("the next time Trellis starts");
  });

  it("lists each backup with when, why, size and what it holds; a bad one cannot be restored", async () => {
    renderApp("/data", { listBackups: () => Promise.resolve(ok([DAILY, PRE_MIGRATION, BROKEN])) });

    await screen.findByTestId("backups");
    const [daily, migration, broken] = [row(0), row(1), row(2)];
    expect(daily).toHaveTextContent("Daily");
    expect(daily).toHaveTextContent("2026");
    expect(daily).toHaveTextContent("3.4 MB");
    expect(daily).toHaveTextContent("12 reports · 340 evidence items");
    expect(migration).toHaveTextContent("Before an upgrade");
    expect(migration).toHaveTextContent("800 KB");
    expect(within(broken).getByTestId("backup-problem")).toHaveTextContent("Cannot be restored: it failed its integrity check");
    expect(within(broken).getByRole("button", { name: /^Restore the backup made/ })).toBeDisabled();
    expect(within(daily).getByRole("button", { name: /^Restore the backup made/ })).toBeEnabled();
  });

  it("restores a backup only after confirming, and says where the data before it went", async () => {
    const restoreBackup = vi.fn<Commands["restoreBackup"]>(() =>
      Promise.resolve(
        ok({ safetyCopy: { ...DAILY, kind: "pre_restore", fileName: "x-pre-restore.sqlite3", createdAt: "2026-11-24T10:00:00Z" }, notices: [] }),
      ),
    );
    const app = renderApp("/data", { listBackups: () => Promise.resolve(ok([DAILY, PRE_MIGRATION])), restoreBackup });
    await screen.findByTestId("backups");

    await app.user.click(within(row(1)).getByRole("button", { name: /^Restore the backup made/ }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("First, Trellis backs up your data as it is now");
    await app.user.click(within(dialog).getByRole("button", { name: "Keep my data" }));
    expect(restoreBackup).not.toHaveBeenCalled();

    await app.user.click(within(row(1)).getByRole("button", { name: /^Restore the backup made/ }));
    await app.user.click(await screen.findByTestId("confirm-restore"));

    await waitFor(() => expect(restoreBackup).toHaveBeenCalledWith(PRE_MIGRATION.fileName));
    expect(await screen.findByText(/^Restored the backup made .*Your data from just before is in the backup made/)).toBeInTheDocument();
  });

  it("shows why a restore failed and keeps the dialog open", async () => {
    const restoreBackup = vi.fn<Commands["restoreBackup"]>(() =>
      Promise.resolve(fail({ kind: "storage", message: "The backup trellis-x.sqlite3 failed its check: database disk image is malformed" })),
    );
    const app = renderApp("/data", { listBackups: () => Promise.resolve(ok([DAILY])), restoreBackup });
    await screen.findByTestId("backups");
    await app.user.click(within(row(0)).getByRole("button", { name: /^Restore the backup made/ }));
    await app.user.click(await screen.findByTestId("confirm-restore"));

    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("database disk image is malformed");
  });
});

describe("DataPage: export and import", () => {
  const OUTCOME: ImportOutcome = {
    path: "/home/me/trellis-archive-2026-11-24.json",
    summary: {
      records: 15,
      tables: [
        { table: "people", rows: 5 },
        { table: "reports", rows: 10 },
        { table: "signal_acks", rows: 0 },
      ],
    },
    safetyCopy: { ...DAILY, kind: "pre_import", createdAt: "2026-11-24T10:00:00Z" },
  };

  it("exports everything through the save dialog and says where the file went", async () => {
    const exportArchive = vi.fn<Commands["exportArchive"]>(() => Promise.resolve(ok("/home/me/trellis-archive-2026-11-24.json")));
    const app = renderApp("/data", { exportArchive });

    await app.user.click(await screen.findByRole("button", { name: "Export everything…" }));

    await waitFor(() => expect(exportArchive).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Saved to /home/me/trellis-archive-2026-11-24.json")).toBeInTheDocument();
  });

  it("imports only after a warning, then shows what was imported and where the old data went", async () => {
    const importArchive = vi.fn<Commands["importArchive"]>(() => Promise.resolve(ok(OUTCOME)));
    const app = renderApp("/data", { importArchive });

    await app.user.click(await screen.findByRole("button", { name: "Import an archive…" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace everything with an archive?" });
    expect(dialog).toHaveTextContent("backs up your data as it is now");
    expect(importArchive).not.toHaveBeenCalled();
    await app.user.click(within(dialog).getByTestId("choose-archive"));

    const summary = await screen.findByTestId("import-summary");
    expect(summary).toHaveTextContent("Imported 15 records from /home/me/trellis-archive-2026-11-24.json");
    expect(summary).toHaveTextContent("people: 5 · reports: 10");
    expect(summary).not.toHaveTextContent("signal acks");
    expect(summary).toHaveTextContent("Your data from just before is in the backup made");
  });

  it("shows the record and field a bad archive got wrong, and nothing is imported", async () => {
    const message = "reports[3] (id 0192f) has current_level_id 'nope', which is not a ladder level in the file.";
    const importArchive = vi.fn<Commands["importArchive"]>(() =>
      Promise.resolve(fail({ kind: "validation", message, fields: [{ field: "reports[3].current_level_id", message }] })),
    );
    const app = renderApp("/data", { importArchive });

    await app.user.click(await screen.findByRole("button", { name: "Import an archive…" }));
    await app.user.click(await screen.findByTestId("choose-archive"));

    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(message);
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
  });
});

describe("backup counts", () => {
  it("read naturally for one record and for many", async () => {
    const { formatCounts } = await import("./format");
    const counts = [
      { label: "Cycles", count: 1 },
      { label: "Rules of thumb", count: 1 },
      { label: "1:1 meetings", count: 1 },
      { label: "Other people", count: 1 },
      { label: "Mentee feedback", count: 1 },
      { label: "Reports", count: 2 },
    ];
    expect(formatCounts({ ...DAILY, counts })).toBe(
      "1 cycle · 1 rule of thumb · 1 1:1 meeting · 1 other person · 1 mentee feedback · 2 reports",
    );
    expect(formatCounts({ ...DAILY, counts: counts.map((c) => ({ ...c, count: 0 })) })).toBe("no records yet");
  });
});

describe("DataPage: passphrase", () => {
  it("protects the data only when the two new passphrases match", async () => {
    const protectWithPassphrase = vi.fn<Commands["protectWithPassphrase"]>(() => Promise.resolve(ok(null)));
    const app = renderApp("/data", { protectWithPassphrase });

    const form = await screen.findByRole("form", { name: "Protect with a passphrase" });
    expect(screen.getByTestId("encryption-status")).toHaveTextContent("not encrypted");
    await app.user.type(within(form).getByLabelText("New passphrase"), "correct horse battery");
    await app.user.type(within(form).getByLabelText("Repeat the new passphrase"), "correct horse batery");
    await app.user.click(within(form).getByRole("button", { name: "Protect with this passphrase" }));
    expect(await within(form).findByText("The two passphrases differ.")).toBeInTheDocument();
    expect(protectWithPassphrase).not.toHaveBeenCalled();

    await app.user.clear(within(form).getByLabelText("Repeat the new passphrase"));
    await app.user.type(within(form).getByLabelText("Repeat the new passphrase"), "correct horse battery");
    await app.user.click(within(form).getByRole("button", { name: "Protect with this passphrase" }));
    await waitFor(() => expect(protectWithPassphrase).toHaveBeenCalledWith("correct horse battery"));
    expect(await screen.findByText("Your data and every backup are now encrypted.")).toBeInTheDocument();
  });

  it("changes or removes the passphrase of protected data, showing a wrong current one at its field", async () => {
    const { APP_INFO } = await import("../../test/fixtures");
    const wrong = "The current passphrase is not the one that protects this data; nothing was changed.";
    const removePassphrase = vi.fn<Commands["removePassphrase"]>(() =>
      Promise.resolve(fail({ kind: "validation", message: wrong, fields: [{ field: "currentPassphrase", message: wrong }] })),
    );
    const changePassphrase = vi.fn<Commands["changePassphrase"]>(() => Promise.resolve(ok(null)));
    const app = renderApp("/data", {
      appInfo: () => Promise.resolve({ ...APP_INFO, encrypted: true }),
      removePassphrase,
      changePassphrase,
    });

    const change = await screen.findByRole("form", { name: "Change the passphrase" });
    expect(screen.getByTestId("encryption-status")).toHaveTextContent("encrypted with your passphrase");
    await app.user.type(within(change).getByLabelText("Current passphrase"), "old one");
    await app.user.type(within(change).getByLabelText("New passphrase"), "new one");
    await app.user.type(within(change).getByLabelText("Repeat the new passphrase"), "new one");
    await app.user.click(within(change).getByRole("button", { name: "Change the passphrase" }));
    await waitFor(() => expect(changePassphrase).toHaveBeenCalledWith("old one", "new one"));

    const remove = screen.getByRole("form", { name: "Remove the passphrase" });
    await app.user.type(within(remove).getByLabelText("Current passphrase (to remove it)"), "guess");
    await app.user.click(within(remove).getByRole("button", { name: "Remove the passphrase" }));
    await waitFor(() => expect(removePassphrase).toHaveBeenCalledWith("guess"));
    expect(await within(remove).findByText(wrong)).toBeInTheDocument();
  });
});
