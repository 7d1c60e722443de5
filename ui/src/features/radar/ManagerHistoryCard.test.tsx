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
    await user.click(within(form).getByRole("button", { name: "Add manager change" }));

    await waitFor(() => expect(addManagerChange).toHaveBeenCalledTimes(1));
    expect(addManagerChange).toHaveBeenCalledWith(ADA.id, {
      changedOn: "2026-02-01",
      manager: "Grace Hopper",
      note: "Payments re-org.",
    } satisfies ManagerChangeDraft);
    expect(await screen.findByText("Recorded Grace Hopper as Ada Lovelace's manager from 2026-02-01.")).toBeInTheDocument();
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
