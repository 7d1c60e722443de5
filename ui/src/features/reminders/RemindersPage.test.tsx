import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { ReminderPreferences, ReminderSettings } from "../../bindings";
import { commands } from "../../test/commands";
import { APP_INFO, REMINDER_PREFERENCES, fail, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const saved = (settings: ReminderSettings, startAtLogin = false): ReminderPreferences => ({
  settings,
  startAtLogin,
  trayProblem: null,
});

function toggle(name: RegExp): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>("switch", { name });
}

describe("Reminders", () => {
  it("shows each kind with what it reminds of, and saves a switch at once", async () => {
    renderApp("/settings/reminders", {
      setReminderSettings: (s) => Promise.resolve(ok(saved(s))),
    });
    expect(await screen.findByRole("heading", { name: "Reminders" })).toBeInTheDocument();
    expect(await screen.findByText(/A planned 1:1 today or tomorrow/)).toBeInTheDocument();
    expect(screen.getByText(/goes to your desktop's notification area and nowhere else/)).toBeInTheDocument();
    for (const name of [/^1:1s/, /^Packet deadlines/, /^Mandate reviews/, /^New high signals/]) {
      expect(toggle(name).checked).toBe(true);
    }
    expect(toggle(/Keep running in the tray/).checked).toBe(false);

    await userEvent.click(toggle(/^1:1s/));
    await waitFor(() => expect(toggle(/^1:1s/).checked).toBe(false));
    expect(commands.setReminderSettings).toHaveBeenCalledWith({ ...REMINDER_PREFERENCES.settings, oneOnOnes: false });
    expect(toggle(/^Packet deadlines/).checked).toBe(true);

    await userEvent.click(toggle(/Keep running in the tray/));
    await waitFor(() => expect(toggle(/Keep running in the tray/).checked).toBe(true));
    expect(commands.setReminderSettings).toHaveBeenLastCalledWith({
      ...REMINDER_PREFERENCES.settings,
      oneOnOnes: false,
      keepRunningInTray: true,
    });
  });

  it("starts at login through the desktop's setting", async () => {
    renderApp("/settings/reminders", {
      setStartAtLogin: (on) => Promise.resolve(ok(saved(REMINDER_PREFERENCES.settings, on))),
    });
    await userEvent.click(await screen.findByRole("switch", { name: /Start Trellis when I log in/ }));
    await waitFor(() => expect(toggle(/Start Trellis when I log in/).checked).toBe(true));
    expect(commands.setStartAtLogin).toHaveBeenCalledWith(true);
  });

  it("says why a change was refused and keeps the switch as stored", async () => {
    renderApp("/settings/reminders", {
      setReminderSettings: () =>
        Promise.resolve(fail({ kind: "storage", message: "The database is busy; nothing was saved." })),
    });
    await userEvent.click(await screen.findByRole("switch", { name: /^Mandate reviews/ }));
    expect(await screen.findByText("The database is busy; nothing was saved.")).toBeInTheDocument();
    expect(toggle(/^Mandate reviews/).checked).toBe(true);
  });

  it("tells a demo that its reminders start off, and a desktop without a tray why", async () => {
    renderApp("/settings/reminders", {
      appInfo: () => Promise.resolve({ ...APP_INFO, demo: true }),
      getReminderPreferences: () =>
        Promise.resolve(
          ok({
            settings: { oneOnOnes: false, deadlines: false, mandateReviews: false, highSignals: false, keepRunningInTray: false },
            startAtLogin: false,
            trayProblem: "The tray icon is not available on this desktop (the indicator library is missing), so closing the window quits Trellis.",
          }),
        ),
    });
    expect(await screen.findByText(/Reminders start switched off here/)).toBeInTheDocument();
    expect(screen.getByText(/The tray icon is not available on this desktop/)).toBeInTheDocument();
    expect(toggle(/^1:1s/).checked).toBe(false);
  });

  it("is reachable from the sidebar", async () => {
    renderApp("/", {}, { shell: true });
    await userEvent.click(await screen.findByRole("link", { name: "Reminders" }));
    expect(await screen.findByRole("heading", { name: "Reminders" })).toBeInTheDocument();
  });
});
