import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { LadderLevel, LevelDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { LADDER, fail, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

/** The level names in the ladder table, top row first. */
function levelNames(): string[] {
  const table = screen.getByRole("table", { name: "Ladder levels" });
  const [, ...rows] = within(table).getAllByRole("row");
  return rows.map((row) => within(row).getAllByRole("cell")[1]?.textContent ?? "");
}

async function openLadder(overrides: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp("/ladder", overrides);
  await screen.findByRole("table", { name: "Ladder levels" });
  return app;
}

describe("LadderPage", () => {
  it("lists the levels highest first, with their rank and report count", async () => {
    await openLadder();

    expect(levelNames()).toEqual(["Distinguished", "Principal", "Senior Staff", "Staff", "Senior"]);
    const table = screen.getByRole("table", { name: "Ladder levels" });
    const [, top, , seniorStaff, , bottom] = within(table).getAllByRole("row");
    expect(within(top!).getAllByRole("cell").map((c) => c.textContent).slice(0, 3)).toEqual(["5", "Distinguished", "0"]);
    expect(within(seniorStaff!).getAllByRole("cell").map((c) => c.textContent).slice(0, 3)).toEqual(["3", "Senior Staff", "2"]);
    // The top level cannot move up, the bottom one cannot move down.
    expect(within(top!).getByRole("button", { name: "Move Distinguished up" })).toBeDisabled();
    expect(within(top!).getByRole("button", { name: "Move Distinguished down" })).toBeEnabled();
    expect(within(bottom!).getByRole("button", { name: "Move Senior down" })).toBeDisabled();
    expect(within(bottom!).getByRole("button", { name: "Move Senior up" })).toBeEnabled();
  });

  it("offers every position for a new level, the top by default", async () => {
    await openLadder();

    const position = getByLabel("Position", screen.getByRole("form", { name: "Add a level" }));
    expect(within(position).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "At the top, above Distinguished",
      "Between Principal and Distinguished",
      "Between Senior Staff and Principal",
      "Between Staff and Senior Staff",
      "Between Senior and Staff",
      "At the bottom, below Senior",
    ]);
    expect(position).toHaveDisplayValue("At the top, above Distinguished");
  });

  it("adds a level at the chosen position and shows the new ladder", async () => {
    const after: LadderLevel[] = [
      LADDER[0]!,
      { id: "l-senior-2", name: "Senior II", rank: 2, reportCount: 0 },
      ...LADDER.slice(1).map((l) => ({ ...l, rank: l.rank + 1 })),
    ];
    const addLevel = vi.fn<Commands["addLevel"]>(() => Promise.resolve(ok(after)));
    const app = await openLadder({ addLevel });
    const form = screen.getByRole("form", { name: "Add a level" });

    await app.user.type(getByLabel("Name", form), "Senior II");
    await app.user.selectOptions(getByLabel("Position", form), "Between Senior and Staff");
    await app.user.click(within(form).getByRole("button", { name: "Add level" }));

    await waitFor(() => expect(levelNames()).toHaveLength(6));
    expect(addLevel).toHaveBeenCalledTimes(1);
    expect(addLevel).toHaveBeenCalledWith({ name: "Senior II", rank: 2 } satisfies LevelDraft);
    expect(levelNames()).toEqual(["Distinguished", "Principal", "Senior Staff", "Staff", "Senior II", "Senior"]);
    expect(getByLabel("Name", form)).toHaveValue("");
    // The history is asked for again so the change shows there too.
    await waitFor(() => expect(app.commands.listLadderChanges).toHaveBeenCalledTimes(2));
  });

  it("shows the core's message for a rejected level name beside the name field", async () => {
    const message = "A level called Staff already exists.";
    const addLevel = vi.fn<Commands["addLevel"]>(() =>
      Promise.resolve(invalid("The level has 1 problem.", { name: message })),
    );
    const app = await openLadder({ addLevel });
    const form = screen.getByRole("form", { name: "Add a level" });

    await app.user.type(getByLabel("Name", form), "Staff");
    await app.user.click(within(form).getByRole("button", { name: "Add level" }));

    const name = getByLabel("Name", form);
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(name).toHaveValue("Staff");
    expect(levelNames()).toHaveLength(5);
  });

  it("asks before removing a level; Keep it removes nothing", async () => {
    const app = await openLadder();

    await app.user.click(screen.getByRole("button", { name: "Remove Senior" }));

    const dialog = await screen.findByRole("dialog", { name: "Remove Senior?" });
    await app.user.click(within(dialog).getByRole("button", { name: "Keep it" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(app.commands.removeLevel).not.toHaveBeenCalled();
    expect(levelNames()).toEqual(["Distinguished", "Principal", "Senior Staff", "Staff", "Senior"]);
  });

  it("shows a conflict from removing a level that is in use", async () => {
    const message = "Senior Staff is used by 2 reports; move them to another level first.";
    const removeLevel = vi.fn<Commands["removeLevel"]>(() => Promise.resolve(fail({ kind: "conflict", message })));
    const app = await openLadder({ removeLevel });

    await app.user.click(screen.getByRole("button", { name: "Remove Senior Staff" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove Senior Staff?" });
    await app.user.click(within(dialog).getByRole("button", { name: "Remove level" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This clashes with what is stored");
    expect(alert).toHaveTextContent(message);
    expect(removeLevel).toHaveBeenCalledTimes(1);
    expect(removeLevel).toHaveBeenCalledWith(LADDER[2]!.id);
    expect(levelNames()).toEqual(["Distinguished", "Principal", "Senior Staff", "Staff", "Senior"]);
  });
});
