import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Report, ReportDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, fail, invalid, level, levelId, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

type User = ReturnType<typeof renderApp>["user"];

/** The report the core would store for a draft (ids and dates filled in). */
function stored(draft: ReportDraft, id = "r-new"): Report {
  return {
    ...ADA,
    id,
    name: draft.name,
    team: draft.team,
    inRoleSince: draft.inRoleSince,
    notes: draft.notes,
    version: 1,
  };
}

const field = {
  name: () => getByLabel("Name"),
  currentLevel: () => getByLabel("Current level"),
  targetLevel: () => getByLabel("Target level"),
  team: () => screen.getByRole("combobox", { name: "Team" }),
  inRoleSince: () => getByLabel("In role since"),
  worked: () => getByLabel("Archetype they work as"),
  needed: () => getByLabel("Archetype the organisation needs"),
  teamStrength: () => getByLabel("Team strength"),
  notes: () => getByLabel("Notes"),
};

async function openNewForm(overrides: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp("/reports/new", overrides);
  await screen.findByRole("form", { name: "Report" });
  return app;
}

async function fillEverything(user: User) {
  await user.type(field.name(), "Barbara Liskov");
  await user.selectOptions(field.currentLevel(), "Staff");
  await user.selectOptions(field.targetLevel(), "Principal");
  await user.type(field.team(), "Platform");
  await user.type(field.inRoleSince(), "2022-11-07");
  await user.selectOptions(field.worked(), "Architect");
  await user.selectOptions(field.needed(), "Right Hand");
  await user.selectOptions(field.teamStrength(), "Weak team (work belongs to individuals)");
  await user.type(field.notes(), "  Two lines,{Enter}as typed.  ");
}

describe("ReportForm (new report)", { timeout: 20_000 }, () => {
  it("labels every control and focuses the name on open", async () => {
    await openNewForm();

    expect(field.name()).toHaveFocus();
    expect(field.name()).toHaveValue("");
    // The required asterisk is not part of the accessible name.
    expect(screen.getByRole("textbox", { name: "Name" })).toBe(field.name());
    expect(screen.getByRole("combobox", { name: "Current level" })).toBe(field.currentLevel());
    expect(field.currentLevel()).toHaveDisplayValue("Choose…");
    expect(field.targetLevel()).toHaveDisplayValue("Choose…");
    expect(field.team()).toHaveValue("");
    expect(field.inRoleSince()).toHaveAttribute("placeholder", "YYYY-MM-DD");
    expect(field.worked()).toHaveDisplayValue("Choose…");
    expect(field.needed()).toHaveDisplayValue("Choose…");
    expect(field.teamStrength()).toHaveDisplayValue("Choose…");
    expect(field.notes()).toHaveValue("");
    // The level selects offer the ladder, lowest first, after the empty choice.
    expect(within(field.currentLevel()).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose…",
      "Senior",
      "Staff",
      "Senior Staff",
      "Principal",
      "Distinguished",
    ]);
    expect(screen.getByRole("button", { name: "Add report" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeEnabled();
  });

  it("sends exactly what was typed and chosen, then opens the new report", async () => {
    const createReport = vi.fn<Commands["createReport"]>((draft) => Promise.resolve(ok(stored(draft, "r-barbara"))));
    const app = await openNewForm({ createReport });

    await fillEverything(app.user);
    await app.user.click(screen.getByRole("button", { name: "Add report" }));

    await waitFor(() => expect(app.path()).toBe("/reports/r-barbara"));
    expect(createReport).toHaveBeenCalledTimes(1);
    expect(createReport).toHaveBeenCalledWith({
      name: "Barbara Liskov",
      currentLevelId: levelId("Staff"),
      targetLevelId: levelId("Principal"),
      team: "Platform",
      inRoleSince: "2022-11-07",
      archetypeWorked: "architect",
      archetypeNeeded: "right_hand",
      teamStrength: "weak",
      notes: "  Two lines,\nas typed.  ",
      oneOnOneEveryDays: 14,
    } satisfies ReportDraft);
    expect(await screen.findByRole("heading", { name: "Barbara Liskov" })).toBeVisible();
    expect(screen.getByText("Added Barbara Liskov to the roster.")).toBeInTheDocument();
  });

  it("sends empty choices as null and leaves the core to judge them", async () => {
    const createReport = vi.fn<Commands["createReport"]>(() =>
      Promise.resolve(invalid("The report has 1 problem.", { currentLevelId: "Choose a current level." })),
    );
    const app = await openNewForm({ createReport });

    await app.user.type(field.name(), "Ken Thompson");
    await app.user.click(screen.getByRole("button", { name: "Add report" }));

    await screen.findByText(/Nothing was saved/);
    expect(createReport).toHaveBeenCalledWith({
      name: "Ken Thompson",
      currentLevelId: null,
      targetLevelId: null,
      team: "",
      inRoleSince: "",
      archetypeWorked: null,
      archetypeNeeded: null,
      teamStrength: null,
      notes: "",
      oneOnOneEveryDays: 14,
    } satisfies ReportDraft);
  });

  it("shows a field's validation error beside it, keeps every value and focuses the field", async () => {
    const message = "In role since must be a date like 2024-03-01.";
    const createReport = vi.fn<Commands["createReport"]>(() =>
      Promise.resolve(invalid("The report has 1 problem.", { inRoleSince: message })),
    );
    const app = await openNewForm({ createReport });

    await fillEverything(app.user);
    await app.user.clear(field.inRoleSince());
    await app.user.type(field.inRoleSince(), "last spring");
    await app.user.click(screen.getByRole("button", { name: "Add report" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("Nothing was saved.");
    expect(summary).toHaveTextContent("The report has 1 problem.");
    expect(summary).toHaveTextContent("fix the highlighted field and save again");

    const date = field.inRoleSince();
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByText(message)).toBeVisible();
    await waitFor(() => expect(date).toHaveFocus());
    // Only the field the core named is marked.
    for (const other of [field.name(), field.team(), field.currentLevel(), field.notes()]) {
      expect(other).not.toHaveAttribute("aria-invalid", "true");
    }

    // Nothing typed is lost, and the form stays where it is.
    expect(app.path()).toBe("/reports/new");
    expect(field.name()).toHaveValue("Barbara Liskov");
    expect(field.currentLevel()).toHaveDisplayValue("Staff");
    expect(field.targetLevel()).toHaveDisplayValue("Principal");
    expect(field.team()).toHaveValue("Platform");
    expect(date).toHaveValue("last spring");
    expect(field.worked()).toHaveDisplayValue("Architect");
    expect(field.needed()).toHaveDisplayValue("Right Hand");
    expect(field.teamStrength()).toHaveDisplayValue("Weak team (work belongs to individuals)");
    expect(field.notes()).toHaveValue("  Two lines,\nas typed.  ");

    // Correcting the field clears its inline error.
    await app.user.clear(date);
    await app.user.type(date, "2022-11-07");
    expect(date).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByText(message)).not.toBeInTheDocument();
  });

  it("moves focus to the invalid field once, not again while the user types elsewhere", async () => {
    const message = "In role since must be a date like 2024-03-01.";
    const createReport = vi.fn<Commands["createReport"]>(() =>
      Promise.resolve(invalid("The report has 1 problem.", { inRoleSince: message })),
    );
    const app = await openNewForm({ createReport });
    await app.user.type(field.name(), "Ken Thompson");
    await app.user.type(field.inRoleSince(), "soon");
    await app.user.click(screen.getByRole("button", { name: "Add report" }));
    await waitFor(() => expect(field.inRoleSince()).toHaveFocus());

    // The user leaves the date for later and writes a note first.
    await app.user.click(field.notes());
    await app.user.keyboard("Unix");

    expect(field.notes()).toHaveValue("Unix");
    expect(field.notes()).toHaveFocus();
    expect(field.inRoleSince()).toHaveValue("soon");
    expect(field.inRoleSince()).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps focus in the first invalid field while the user corrects it", async () => {
    const createReport = vi.fn<Commands["createReport"]>(() =>
      Promise.resolve(
        invalid("The report has 2 problems.", {
          name: "Name is required.",
          inRoleSince: "In role since must be a date like 2024-03-01.",
        }),
      ),
    );
    const app = await openNewForm({ createReport });
    await app.user.type(field.inRoleSince(), "soon");
    await app.user.click(screen.getByRole("button", { name: "Add report" }));
    await waitFor(() => expect(field.name()).toHaveFocus());
    expect(screen.getByRole("alert")).toHaveTextContent("fix the highlighted fields");

    await app.user.keyboard("Ken");

    expect(field.name()).toHaveValue("Ken");
    expect(field.name()).toHaveFocus();
    expect(field.name()).not.toHaveAttribute("aria-invalid", "true");
    expect(field.inRoleSince()).toHaveValue("soon");
  });

  it("saves with Ctrl+Enter from any field", async () => {
    const createReport = vi.fn<Commands["createReport"]>((draft) => Promise.resolve(ok(stored(draft, "r-ken"))));
    const app = await openNewForm({ createReport });

    await app.user.type(field.name(), "Ken Thompson");
    await app.user.click(field.notes());
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(app.path()).toBe("/reports/r-ken"));
    expect(createReport).toHaveBeenCalledTimes(1);
    expect(createReport.mock.calls[0]?.[0]).toMatchObject({ name: "Ken Thompson", notes: "" });
  });

  it("leaves at once on Cancel when nothing was typed", async () => {
    const app = await openNewForm();

    await app.user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(app.path()).toBe("/roster");
    expect(screen.queryByText("Discard your changes?")).not.toBeInTheDocument();
  });

  it("asks before discarding typed values on Cancel; Keep editing keeps them", async () => {
    const app = await openNewForm();
    await app.user.type(field.name(), "Frances Allen");
    await app.user.selectOptions(field.currentLevel(), "Principal");

    await app.user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(await screen.findByText("Discard your changes?")).toBeVisible();
    expect(app.path()).toBe("/reports/new");
    const keep = screen.getByRole("button", { name: "Keep editing" });
    expect(keep).toHaveFocus();

    await app.user.click(keep);

    expect(screen.queryByText("Discard your changes?")).not.toBeInTheDocument();
    expect(app.path()).toBe("/reports/new");
    expect(field.name()).toHaveValue("Frances Allen");
    expect(field.currentLevel()).toHaveDisplayValue("Principal");
    expect(app.commands.createReport).not.toHaveBeenCalled();
  });

  it("leaves without saving when the changes are discarded", async () => {
    const app = await openNewForm();
    await app.user.type(field.name(), "Frances Allen");

    await app.user.click(screen.getByRole("button", { name: "Cancel" }));
    await app.user.click(await screen.findByRole("button", { name: "Discard changes" }));

    expect(app.path()).toBe("/roster");
    expect(app.commands.createReport).not.toHaveBeenCalled();
  });
});

describe("ReportForm (edit report)", { timeout: 20_000 }, () => {
  async function openEditForm(overrides: Parameters<typeof renderApp>[1] = {}) {
    const app = renderApp(`/reports/${ADA.id}/edit`, {
      getReport: (id) => Promise.resolve(id === ADA.id ? ok(ADA) : fail({ kind: "not_found", message: "No such report." })),
      ...overrides,
    });
    await screen.findByRole("heading", { name: `Edit ${ADA.name}` });
    return app;
  }

  it("starts from the stored report", async () => {
    await openEditForm();

    expect(field.name()).toHaveValue("Ada Lovelace");
    expect(field.currentLevel()).toHaveDisplayValue("Staff");
    expect(field.targetLevel()).toHaveDisplayValue("Senior Staff");
    expect(field.team()).toHaveValue("Payments");
    expect(field.inRoleSince()).toHaveValue("2023-03-01");
    expect(field.worked()).toHaveDisplayValue("Solver");
    expect(field.needed()).toHaveDisplayValue("Architect");
    expect(field.teamStrength()).toHaveDisplayValue("Weak team (work belongs to individuals)");
    expect(field.notes()).toHaveValue("Leads the ledger migration.");
  });

  it("returns to the report on Cancel when nothing changed", async () => {
    const app = await openEditForm();

    await app.user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(app.path()).toBe(`/reports/${ADA.id}`);
    expect(app.commands.updateReport).not.toHaveBeenCalled();
  });

  it("sends the report's version as expectedVersion, then returns to the report", async () => {
    const updateReport = vi.fn<Commands["updateReport"]>((id, _expectedVersion, draft) =>
      Promise.resolve(ok({ ...ADA, id, notes: draft.notes, version: ADA.version + 1 })),
    );
    const app = await openEditForm({ updateReport });

    await app.user.type(field.notes(), " Ships in Q3.");
    await app.user.selectOptions(field.targetLevel(), "Principal");
    await app.user.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}`));
    expect(updateReport).toHaveBeenCalledTimes(1);
    expect(updateReport).toHaveBeenCalledWith(ADA.id, 3, {
      name: "Ada Lovelace",
      currentLevelId: level("Staff").id,
      targetLevelId: level("Principal").id,
      team: "Payments",
      inRoleSince: "2023-03-01",
      archetypeWorked: "solver",
      archetypeNeeded: "architect",
      teamStrength: "weak",
      notes: "Leads the ledger migration. Ships in Q3.",
      oneOnOneEveryDays: 14,
    } satisfies ReportDraft);
  });

  it("shows a conflict with a way to load the latest version", async () => {
    const updateReport = vi.fn<Commands["updateReport"]>(() =>
      Promise.resolve(
        fail({ kind: "conflict", message: "Ada Lovelace was changed elsewhere since you opened it." }),
      ),
    );
    const latest: Report = { ...ADA, team: "Ledger", version: 4 };
    const app = await openEditForm({ updateReport });

    await app.user.clear(field.team());
    await app.user.type(field.team(), "Treasury");
    await app.user.click(screen.getByRole("button", { name: "Save changes" }));

    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent("This clashes with what is stored");
    expect(notice).toHaveTextContent("Ada Lovelace was changed elsewhere since you opened it.");
    expect(screen.queryByText(/Nothing was saved/)).not.toBeInTheDocument();
    expect(app.path()).toBe(`/reports/${ADA.id}/edit`);
    expect(field.team()).toHaveValue("Treasury");

    // Loading the latest version replaces the form with the stored values; the next save
    // is based on that version.
    app.commands.getReport.mockResolvedValue(ok(latest));
    await app.user.click(within(notice).getByRole("button", { name: "Discard my changes and load the latest version" }));

    await waitFor(() => expect(field.team()).toHaveValue("Ledger"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    updateReport.mockResolvedValue(ok({ ...latest, version: 5 }));
    await app.user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(updateReport).toHaveBeenLastCalledWith(ADA.id, 4, expect.objectContaining({ team: "Ledger" })));
  });
});

describe("ReportForm (1:1 cadence)", { timeout: 20_000 }, () => {
  const cadence = () => getByLabel("1:1 every");

  it("offers the usual cadences, every two weeks by default, and says when the radar flags a lapse", async () => {
    await openNewForm();

    expect(screen.getByRole("combobox", { name: "1:1 every" })).toBe(cadence());
    expect(cadence()).toHaveDisplayValue("Every two weeks");
    expect(within(cadence()).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Weekly",
      "Every two weeks",
      "Every three weeks",
      "Monthly (every 30 days)",
      "Another number of days…",
    ]);
    expect(cadence()).toHaveAccessibleDescription("The radar raises “No recent 1:1” when more than 21 days pass without one");
    expect(screen.queryByLabelText("Days between 1:1s")).not.toBeInTheDocument();
  });

  it("sends the chosen cadence in days, or a typed number of days", async () => {
    const createReport = vi.fn<Commands["createReport"]>(() => Promise.resolve(invalid("The report has 1 problem.", { name: "Name is required." })));
    const app = await openNewForm({ createReport });

    await app.user.selectOptions(cadence(), "Weekly");
    expect(cadence()).toHaveAccessibleDescription(expect.stringContaining("more than 11 days"));
    await app.user.click(screen.getByRole("button", { name: "Add report" }));
    await waitFor(() => expect(createReport).toHaveBeenCalledTimes(1));
    expect(createReport.mock.calls[0]?.[0].oneOnOneEveryDays).toBe(7);

    // Another number of days starts from the cadence chosen so far.
    await app.user.selectOptions(cadence(), "Another number of days…");
    const days = getByLabel("Days between 1:1s");
    expect(days).toHaveValue("7");
    await app.user.clear(days);
    await app.user.type(days, "10");
    expect(cadence()).toHaveAccessibleDescription(expect.stringContaining("more than 15 days"));
    await app.user.click(screen.getByRole("button", { name: "Add report" }));
    await waitFor(() => expect(createReport).toHaveBeenCalledTimes(2));
    expect(createReport.mock.calls[1]?.[0].oneOnOneEveryDays).toBe(10);
  });

  it("shows the core's complaint at the days typed, and sends an emptied number for the core to judge", async () => {
    const message = "Days between 1:1s must be between 1 and 92.";
    const createReport = vi.fn<Commands["createReport"]>(() => Promise.resolve(invalid("The report has 1 problem.", { oneOnOneEveryDays: message })));
    const app = await openNewForm({ createReport });

    await app.user.selectOptions(cadence(), "Another number of days…");
    const days = getByLabel("Days between 1:1s");
    await app.user.clear(days);
    await app.user.type(days, "120");
    await app.user.click(screen.getByRole("button", { name: "Add report" }));

    expect(await screen.findByTestId("error-oneOnOneEveryDays")).toHaveTextContent(message);
    expect(createReport.mock.calls[0]?.[0].oneOnOneEveryDays).toBe(120);
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(cadence()).not.toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(days).toHaveFocus());
    expect(days).toHaveValue("120");

    // Changing it clears the complaint; an emptied number goes as 0, which the core refuses in words.
    await app.user.clear(days);
    expect(screen.queryByTestId("error-oneOnOneEveryDays")).not.toBeInTheDocument();
    await app.user.click(screen.getByRole("button", { name: "Add report" }));
    await waitFor(() => expect(createReport).toHaveBeenCalledTimes(2));
    expect(createReport.mock.calls[1]?.[0].oneOnOneEveryDays).toBe(0);
  });

  it("starts from the stored cadence, a custom one included", async () => {
    renderApp(`/reports/${ADA.id}/edit`, { getReport: () => Promise.resolve(ok({ ...ADA, oneOnOneEveryDays: 10 })) });
    await screen.findByRole("heading", { name: `Edit ${ADA.name}` });

    expect(cadence()).toHaveDisplayValue("Another number of days…");
    expect(getByLabel("Days between 1:1s")).toHaveValue("10");
  });
});
