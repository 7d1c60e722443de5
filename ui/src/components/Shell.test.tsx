import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";

import { Providers, newQueryClient } from "../Providers";
import { resetCommands } from "../test/commands";
import type { Commands } from "../test/commands";
import { APP_INFO, fail, ok } from "../test/fixtures";
import { Shell } from "./Shell";
import { WIDE_NAV_QUERY } from "./SideNav";

vi.mock("../bindings", async () => ({ commands: (await import("../test/commands")).commands }));

function renderShell(info: typeof APP_INFO, overrides: Parameters<typeof resetCommands>[0] = {}) {
  resetCommands({ appInfo: () => Promise.resolve(info), ...overrides });
  render(
    <Providers client={newQueryClient()}>
      <Router hook={memoryLocation({ path: "/" }).hook}>
        <Shell>
          <p>page content</p>
        </Shell>
      </Router>
    </Providers>,
  );
}

describe("Shell", () => {
  it("offers the main sections as links and shows the page", async () => {
    renderShell(APP_INFO);
    expect(await screen.findByText("page content")).toBeInTheDocument();
    for (const name of ["Roster", "Ladder", "Your data"]) {
      expect(screen.getByRole("link", { name })).toBeInTheDocument();
    }
    expect(screen.queryByText("Demo data")).not.toBeInTheDocument();
  });

  it("on a window under 1200 px wide, names its links by their icons' labels and a tooltip", async () => {
    renderShell(APP_INFO);
    await screen.findByText("page content");
    const nav = screen.getByRole("navigation", { name: "Main" });
    const roster = within(nav).getByRole("link", { name: "Roster" });
    expect(roster).toHaveAttribute("data-collapsed", "true");
    expect(roster).not.toHaveTextContent("Roster");
    expect(within(nav).getAllByRole("link")).toHaveLength(11);
    // The screen shown (Today, at "/") is announced as the current page; no other link is.
    expect(within(nav).getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
    expect(roster).not.toHaveAttribute("aria-current");

    // Keyboard users see the name too.
    act(() => roster.focus());
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Roster");
  });

  it("on a wide window, writes the names out", async () => {
    vi.spyOn(window, "matchMedia").mockImplementation(
      (query) => ({ matches: query === WIDE_NAV_QUERY, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList,
    );
    renderShell(APP_INFO);
    await screen.findByText("page content");
    const roster = within(screen.getByRole("navigation", { name: "Main" })).getByRole("link", { name: "Roster" });
    expect(roster).toHaveTextContent("Roster");
    expect(roster).not.toHaveAttribute("data-collapsed");
  });

  it("marks demo data on every screen", async () => {
    renderShell({ ...APP_INFO, demo: true, dataDirSource: "demo" });
    expect(await screen.findByText("Demo data")).toBeInTheDocument();
  });

  it("explains a data folder that could not be opened instead of showing pages", async () => {
    renderShell({ ...APP_INFO, startupError: "Could not create the data directory /x: File exists" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Trellis could not open its data");
    expect(alert).toHaveTextContent("Could not create the data directory /x: File exists");
    expect(alert).toHaveTextContent("Nothing was changed or overwritten");
    expect(screen.queryByText("page content")).not.toBeInTheDocument();
  });

  it("shows what opening the data had to say until dismissed", async () => {
    const notice = "Trellis did not shut down cleanly last time; your data was checked and is intact.";
    renderShell({ ...APP_INFO, notices: [notice] });
    expect(await screen.findByTestId("startup-notice")).toHaveTextContent(notice);
    expect(screen.getByText("page content")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("startup-notice")).not.toBeInTheDocument();
  });

  describe("when the data file was found damaged", () => {
    const DAMAGE = {
      movedTo: "/tmp/trellis-test/damaged/trellis-20261124T093000Z.sqlite3",
      problems: ["*** in database main ***\nPage 7: btreeInitPage() returns error code 11"],
      detectedAt: "2026-11-24T09:30:00Z",
      newestGoodBackup: {
        fileName: "trellis-20261123T081500Z-daily.sqlite3",
        kind: "daily" as const,
        createdAt: "2026-11-23T08:15:00Z",
        sizeBytes: 524288,
        counts: [
          { label: "Reports", count: 12 },
          { label: "Evidence items", count: 340 },
        ],
        schemaVersion: 4,
        problem: null,
      },
      explanation: "Trellis found your data file damaged when it started, so it did not use it.",
    };

    it("explains it and offers the newest good backup instead of the pages", async () => {
      const restoreAfterDamage = vi.fn<Commands["restoreAfterDamage"]>(() => Promise.resolve(ok(null)));
      renderShell({ ...APP_INFO, damage: DAMAGE }, { restoreAfterDamage });

      const recovery = await screen.findByTestId("recovery");
      expect(recovery).toHaveTextContent("Trellis found your data file damaged when it started");
      expect(recovery).toHaveTextContent(DAMAGE.movedTo);
      expect(recovery).toHaveTextContent("Nothing was deleted or overwritten");
      expect(recovery).toHaveTextContent("12 reports · 340 evidence items");
      expect(screen.queryByText("page content")).not.toBeInTheDocument();

      await userEvent.click(screen.getByTestId("restore-newest-backup"));
      await waitFor(() => expect(restoreAfterDamage).toHaveBeenCalledWith(DAMAGE.newestGoodBackup.fileName));
    });

    it("starts with empty data only after a second confirmation, and shows a failure", async () => {
      const startEmptyAfterDamage = vi.fn<Commands["startEmptyAfterDamage"]>(() =>
        Promise.resolve(fail({ kind: "storage", message: "Could not create the data directory: read-only" })),
      );
      renderShell({ ...APP_INFO, damage: { ...DAMAGE, newestGoodBackup: null } }, { startEmptyAfterDamage });

      expect(await screen.findByText("There is no good backup to restore.")).toBeInTheDocument();
      await userEvent.click(screen.getByRole("button", { name: "Start with empty data…" }));
      expect(startEmptyAfterDamage).not.toHaveBeenCalled();
      await userEvent.click(screen.getByRole("button", { name: "Yes, start with empty data" }));
      await waitFor(() => expect(startEmptyAfterDamage).toHaveBeenCalledTimes(1));
      expect(await screen.findByText("Could not create the data directory: read-only")).toBeInTheDocument();
    });
  });

  describe("when the data is protected by a passphrase", () => {
    const LOCKED = { ...APP_INFO, locked: true, encrypted: true };

    it("asks for it instead of showing pages and shows a wrong one at the field", async () => {
      const unlock = vi.fn<Commands["unlock"]>(() =>
        Promise.resolve(
          fail({
            kind: "validation",
            message: "This passphrase does not unlock the data in /tmp/trellis-test. Nothing was changed.",
            fields: [{ field: "passphrase", message: "This passphrase does not unlock the data in /tmp/trellis-test. Nothing was changed." }],
          }),
        ),
      );
      renderShell(LOCKED, { unlock });

      const field = await screen.findByLabelText("Passphrase");
      expect(screen.queryByText("page content")).not.toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Unlock" })).toBeDisabled();
      await userEvent.type(field, "wrong horse");
      await userEvent.click(screen.getByRole("button", { name: "Unlock" }));

      await waitFor(() => expect(unlock).toHaveBeenCalledWith("wrong horse"));
      expect(await screen.findByText(/does not unlock the data/)).toBeInTheDocument();
    });

    it("sets the file aside for a manager who never set a passphrase, only after asking", async () => {
      const setAsideUnreadable = vi.fn<Commands["setAsideUnreadable"]>(() => Promise.resolve(ok(null)));
      renderShell(LOCKED, { setAsideUnreadable });

      await userEvent.click(await screen.findByRole("button", { name: "I never set a passphrase…" }));
      expect(setAsideUnreadable).not.toHaveBeenCalled();
      expect(screen.getByText(/Then the data file is damaged/)).toBeInTheDocument();
      await userEvent.click(screen.getByRole("button", { name: "Set the file aside" }));
      await waitFor(() => expect(setAsideUnreadable).toHaveBeenCalledTimes(1));
    });
  });
});
