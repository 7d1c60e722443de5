import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { VisibilityDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { EV_LEDGER, EV_ONCALL, EV_SKIP, ok } from "../../test/fixtures";
import { todayIso } from "../../lib/dates";
import { getByLabel } from "../../test/render";
import { choosePerson, fill, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

describe("VisibilityList", () => {
  it("records who saw an item", async () => {
    const addVisibility = vi.fn<Commands["addVisibility"]>(() => Promise.resolve(ok(EV_ONCALL)));
    const app = await openTab([EV_ONCALL], { addVisibility });

    await app.user.click(screen.getByRole("button", { name: "Add who saw it: On-call handbook" }));
    const form = await screen.findByRole("form", { name: "Who saw On-call handbook" });
    const who = within(form).getByRole("combobox", { name: "Who saw it" });
    await waitFor(() => expect(who).toHaveFocus());
    expect(getByLabel("Seen on", form)).toHaveValue(todayIso());
    await choosePerson(app.user, who, "Marg", "Margaret Hamilton — Director of Engineering");
    await app.user.selectOptions(getByLabel("How they saw it", form), "1:1 with the skip-level");
    await app.user.clear(getByLabel("Seen on", form));
    await fill(app.user, getByLabel("Seen on", form), "2025-03-04");
    await fill(app.user, getByLabel("Detail", form), "Walked through the handbook");
    await app.user.click(within(form).getByRole("button", { name: "Add" }));

    await waitFor(() => expect(addVisibility).toHaveBeenCalledTimes(1));
    expect(addVisibility).toHaveBeenCalledWith(EV_ONCALL.id, {
      personId: EV_SKIP.id,
      channel: "skip_one_on_one",
      seenOn: "2025-03-04",
      detail: "Walked through the handbook",
    } satisfies VisibilityDraft);
    await waitFor(() => expect(screen.queryByRole("form", { name: "Who saw On-call handbook" })).not.toBeInTheDocument());
  });


  it("edits and deletes who saw an item", async () => {
    const updateVisibility = vi.fn<Commands["updateVisibility"]>(() => Promise.resolve(ok(EV_LEDGER)));
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const app = await openTab([EV_LEDGER], { updateVisibility, deleteRecord });

    await app.user.click(screen.getByRole("button", { name: "Edit when Margaret Hamilton saw it" }));
    const form = await screen.findByRole("form", { name: "Edit when Margaret Hamilton saw it" });
    expect(getByLabel("Seen on", form)).toHaveValue("2024-10-15");
    await fill(app.user, getByLabel("Detail", form), " (recorded)");
    await app.user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(updateVisibility).toHaveBeenCalledWith("v-ledger-1", 1, {
        personId: EV_SKIP.id,
        channel: "demo",
        seenOn: "2024-10-15",
        detail: "Q3 platform review (recorded)",
      } satisfies VisibilityDraft),
    );
    const edit = await screen.findByRole("button", { name: "Edit when Margaret Hamilton saw it" });
    await waitFor(() => expect(edit).toHaveFocus());

    await app.user.click(screen.getByRole("button", { name: "Delete Margaret Hamilton seeing “Ledger migration”" }));
    await app.user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("visibility", "v-ledger-1"));
  });

});
