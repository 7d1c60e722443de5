import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ManagerChange, ManagerChangeDraft } from "../../bindings";
import type { Commands, CommandOverrides } from "../../test/commands";
import { ADA, RD_MANAGER_CHANGE, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

async function openOverview(changes: ManagerChange[], overrides: CommandOverrides = {}, report = ADA) {
  const app = renderApp(`/reports/${report.id}`, {
    getReport: () => Promise.resolve(ok(report)),
    listManagerChanges: () => Promise.resolve(ok(changes)),
    ...overrides,
  });
  const card = await screen.findByTestId("manager-history");
  if (changes.length > 0) await within(card).findAllByTestId("manager-change");
  else await within(card).findByTestId("manager-history-empty");
  return { ...app, card };
}

describe("ManagerHistoryCard", { timeout: 15_000 }, () => {
  it("explains why manager changes matter and adds one exactly as entered", async () => {
    const addManagerChange = vi.fn<Commands["addManagerChange"]>((_id, draft) => Promise.resolve(ok({ ...RD_MANAGER_CHANGE, ...draft })));
    const { user, card } = await openOverview([], { addManagerChange });
    expect(card).toHaveTextContent("No manager change recorded for Ada Lovelace.");
    expect(card).toHaveTextContent("the radar flags any change between a cycle's opening and its calibration");

    await user.click(within(card).getByRole("button", { name: "Add manager change" }));
    const form = within(card).getByRole("form", { name: "New manager change" });
    expect(getByLabel("New manager", form)).toHaveFocus();
    await user.paste("Grace Hopper");
    await user.clear(getByLabel("Changed on", form));
    await user.type(getByLabel("Changed on", form), "2026-02-01");
    await user.click(getByLabel("Note", form));
    await user.paste("Payments re-org.");
    // Neither "me" nor ended unless said so.
    expect(getByLabel("This manager is me", form)).not.toBeChecked();
    expect(getByLabel("Tenure ended on", form)).toHaveValue("");
    await user.click(within(form).getByRole("button", { name: "Add manager change" }));

    await waitFor(() => expect(addManagerChange).toHaveBeenCalledTimes(1));
    expect(addManagerChange).toHaveBeenCalledWith(ADA.id, {
      changedOn: "2026-02-01",
      manager: "Grace Hopper",
      note: "Payments re-org.",
      endedOn: "",
      isMe: false,
    } satisfies ManagerChangeDraft);
    expect(await screen.findByText("Recorded Grace Hopper as Ada Lovelace's manager from 1 Feb 2026.")).toBeInTheDocument();
  });

  it("records that the new manager is me and when a tenure ended, and lists them as “You” and “until …”", async () => {
    const mine: ManagerChange = { ...RD_MANAGER_CHANGE, id: "mc-me", changedOn: "2026-05-06", manager: "Sam Rivera", note: "", isMe: true, endedOn: null };
    const previous: ManagerChange = { ...RD_MANAGER_CHANGE, endedOn: "2026-05-05" };
    const stored = [previous];
    const addManagerChange = vi.fn<Commands["addManagerChange"]>((_id, draft) => {
      const saved = { ...mine, changedOn: draft.changedOn, manager: draft.manager, isMe: draft.isMe ?? false, endedOn: null };
      stored.unshift(saved);
      return Promise.resolve(ok(saved));
    });
    const { user, card } = await openOverview([previous], { addManagerChange, listManagerChanges: () => Promise.resolve(ok([...stored])) });

    const [entry] = within(card).getAllByTestId("manager-change");
    expect(within(entry!).getByTestId("tenure-ended")).toHaveTextContent("until 5 May 2026");
    expect(within(entry!).queryByTestId("is-me")).not.toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "Add manager change" }));
    const form = within(card).getByRole("form", { name: "New manager change" });
    await user.paste("Sam Rivera");
    await user.clear(getByLabel("Changed on", form));
    await user.type(getByLabel("Changed on", form), "2026-05-06");
    const me = getByLabel("This manager is me", form);
    expect(me).toHaveAccessibleDescription(expect.stringContaining("Your own tenure"));
    await user.click(me);
    await user.click(within(form).getByRole("button", { name: "Add manager change" }));

    await waitFor(() =>
      expect(addManagerChange).toHaveBeenCalledWith(ADA.id, {
        changedOn: "2026-05-06",
        manager: "Sam Rivera",
        note: "",
        endedOn: "",
        isMe: true,
      } satisfies ManagerChangeDraft),
    );
    expect(await screen.findByText("Recorded you as Ada Lovelace's manager from 6 May 2026.")).toBeInTheDocument();
    await waitFor(() => expect(within(card).getAllByTestId("manager-change")).toHaveLength(2));
    const [newest] = within(card).getAllByTestId("manager-change");
    expect(newest).toHaveTextContent("6 May 2026 — new manager: Sam Rivera");
    expect(within(newest!).getByTestId("is-me")).toHaveTextContent("You");
    expect(within(newest!).queryByTestId("tenure-ended")).not.toBeInTheDocument();
  });

  it("shows the core's complaint about the tenure's end at that field", async () => {
    const message = "The tenure cannot end before it began.";
    const updateManagerChange = vi.fn<Commands["updateManagerChange"]>(() => Promise.resolve(invalid("The manager change has 1 problem.", { endedOn: message })));
    const { user, card } = await openOverview([RD_MANAGER_CHANGE], { updateManagerChange });

    await user.click(within(card).getByRole("button", { name: "Edit the manager change to Grace Hopper" }));
    const form = within(card).getByRole("form", { name: "Edit the manager change to Grace Hopper" });
    await user.type(getByLabel("Tenure ended on", form), "2026-01-01");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await within(form).findByTestId("error-endedOn")).toHaveTextContent(message);
    expect(updateManagerChange).toHaveBeenCalledWith(RD_MANAGER_CHANGE.id, RD_MANAGER_CHANGE.version, expect.objectContaining({ endedOn: "2026-01-01", isMe: false }));
    await waitFor(() => expect(getByLabel("Tenure ended on", form)).toHaveFocus());
    expect(getByLabel("Tenure ended on", form)).toHaveValue("2026-01-01");
  });

  it("shows a field error inline, edits against the version, and deletes after confirmation", async () => {
    const updateManagerChange = vi.fn<Commands["updateManagerChange"]>(() =>
      Promise.resolve(invalid("The manager change has 1 problem.", { changedOn: "Changed on cannot be in the future." })),
    );
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const { user, card } = await openOverview([RD_MANAGER_CHANGE], { updateManagerChange, deleteRecord });
    const entry = within(card).getByTestId("manager-change");
    expect(entry).toHaveTextContent("1 Feb 2026 — new manager: Grace Hopper");
    expect(entry).toHaveTextContent("Payments re-org.");

    await user.click(within(entry).getByRole("button", { name: "Edit the manager change to Grace Hopper" }));
    const form = within(card).getByRole("form", { name: "Edit the manager change to Grace Hopper" });
    await user.clear(getByLabel("Changed on", form));
    await user.type(getByLabel("Changed on", form), "2099-01-01");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    expect(await within(form).findByTestId("error-changedOn")).toHaveTextContent("Changed on cannot be in the future.");
    expect(updateManagerChange).toHaveBeenCalledWith(RD_MANAGER_CHANGE.id, RD_MANAGER_CHANGE.version, {
      changedOn: "2099-01-01",
      manager: "Grace Hopper",
      note: "Payments re-org.",
      endedOn: "",
      isMe: false,
    } satisfies ManagerChangeDraft);
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    await user.click(within(form).getByRole("button", { name: "Discard changes" }));
    await waitFor(() => expect(within(card).getByTestId("manager-change")).toHaveFocus());

    await user.click(within(card).getByRole("button", { name: "Delete the manager change to Grace Hopper on 1 Feb 2026" }));
    await user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("manager_change", RD_MANAGER_CHANGE.id));
  });

  it("offers no editing for an archived report", async () => {
    const { card } = await openOverview([RD_MANAGER_CHANGE], {}, { ...ADA, archivedAt: "2026-03-01T09:00:00Z" });
    expect(within(card).getByTestId("manager-change")).toHaveTextContent("Grace Hopper");
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
  });
});
