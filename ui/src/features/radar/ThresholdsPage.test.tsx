import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Thresholds } from "../../bindings";
import type { Commands, CommandOverrides } from "../../test/commands";
import { DEFAULT_THRESHOLDS, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

async function openSettings(overrides: CommandOverrides = {}) {
  const app = renderApp("/settings/radar", overrides);
  const form = await screen.findByRole("form", { name: "Radar thresholds" });
  return { ...app, form, f: (label: string) => getByLabel(label, form) };
}

describe("ThresholdsPage", { timeout: 15_000 }, () => {
  it("shows every threshold with its meaning and default", async () => {
    const { f } = await openSettings();
    const expected: [string, string, string][] = [
      ["Packet draft due", "4", "Default: 4 months."],
      ["Staff-peer review due", "6", "Default: 6 weeks."],
      ["Manager review due", "4", "Default: 4 weeks."],
      ["Skip-level review due", "2", "Default: 2 weeks."],
      ["Share of work seen", "50", "Default: 50%."],
      ["Work-mix window", "6", "Default: 6 months."],
      ["Work-mix drift share", "30", "Default: 30%."],
      ["Evidence window", "6", "Default: 6 months."],
      ["Minimum evidence items", "3", "Default: 3 items."],
      ["Unquantified share", "50", "Default: 50%."],
    ];
    for (const [label, value, hint] of expected) {
      expect(f(label)).toHaveValue(value);
      expect(f(label)).toHaveAccessibleDescription(expect.stringContaining(hint));
    }
    expect(f("Packet draft due")).toHaveAccessibleDescription("No packet draft this long before calibration is a high risk. Default: 4 months.");
    // The reviews are counted back from the day packets are due, not from calibration.
    expect(f("Staff-peer review due")).toHaveAccessibleDescription(
      "No review of the packet by a staff-level peer this many weeks before packets are due. Default: 6 weeks.",
    );
    expect(f("Manager review due")).toHaveAccessibleDescription(expect.stringContaining("weeks before packets are due"));
    expect(f("Skip-level review due")).toHaveAccessibleDescription(expect.stringContaining("weeks before packets are due"));
  });

  it("has no 1:1 threshold any more and says where the cadence is set", async () => {
    const { form } = await openSettings();
    expect(within(form).queryByLabelText(/1:1/)).not.toBeInTheDocument();
    const note = within(form).getByTestId("one-on-one-cadence-note");
    expect(note).toHaveTextContent("How often to hold 1:1s is set for each report, not here");
    expect(note).toHaveTextContent("set “1:1 every”");
    expect(within(note).getByRole("link", { name: "roster" })).toHaveAttribute("href", "/roster");
  });

  it("saves every threshold, the changed ones included", async () => {
    const setThresholds = vi.fn<Commands["setThresholds"]>((t) => Promise.resolve(ok(t)));
    const { user, form, f } = await openSettings({ setThresholds });
    await user.clear(f("Packet draft due"));
    await user.type(f("Packet draft due"), "5");
    await user.clear(f("Share of work seen"));
    await user.type(f("Share of work seen"), "60");
    await user.click(within(form).getByRole("button", { name: "Save settings" }));

    await waitFor(() => expect(setThresholds).toHaveBeenCalledTimes(1));
    expect(setThresholds).toHaveBeenCalledWith({ ...DEFAULT_THRESHOLDS, packetDraftMonths: 5, seenSharePercent: 60 } satisfies Thresholds);
    expect(await screen.findByText("Saved the radar settings. Every report's radar now uses them.")).toBeInTheDocument();
  });

  it("resets every value to its default, applied on save", async () => {
    const stored: Thresholds = { ...DEFAULT_THRESHOLDS, packetDraftMonths: 6, workMixPercent: 40, evidenceMinItems: 5, skipLevelReviewWeeks: 3 };
    const setThresholds = vi.fn<Commands["setThresholds"]>((t) => Promise.resolve(ok(t)));
    const { user, form, f } = await openSettings({ getThresholds: () => Promise.resolve(ok(stored)), setThresholds });
    expect(f("Packet draft due")).toHaveValue("6");

    await user.click(within(form).getByRole("button", { name: "Reset to defaults" }));
    expect(f("Packet draft due")).toHaveValue("4");
    expect(f("Work-mix drift share")).toHaveValue("30");
    expect(f("Minimum evidence items")).toHaveValue("3");
    expect(f("Skip-level review due")).toHaveValue("2");
    expect(within(form).getByTestId("reset-note")).toHaveTextContent("Defaults filled in: save to apply them.");
    expect(setThresholds).not.toHaveBeenCalled();

    await user.click(within(form).getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(setThresholds).toHaveBeenCalledWith(DEFAULT_THRESHOLDS));
  });

  it("shows the core's complaint beside the threshold and keeps the value", async () => {
    const message = "Months before calibration must be between 1 and 24.";
    const setThresholds = vi.fn<Commands["setThresholds"]>(() => Promise.resolve(invalid("The thresholds have 1 problem.", { packetDraftMonths: message })));
    const { user, form, f } = await openSettings({ setThresholds });
    await user.clear(f("Packet draft due"));
    await user.type(f("Packet draft due"), "30");
    await user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("error-packetDraftMonths")).toHaveTextContent(message);
    expect(setThresholds).toHaveBeenCalledWith({ ...DEFAULT_THRESHOLDS, packetDraftMonths: 30 });
    await waitFor(() => expect(f("Packet draft due")).toHaveFocus());
    expect(f("Packet draft due")).toHaveValue("30");
    expect(f("Packet draft due")).toHaveAttribute("aria-invalid", "true");
  });
});
