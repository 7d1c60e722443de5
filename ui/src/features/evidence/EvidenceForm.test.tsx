import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { EvidenceDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, EV_COOWNER, EV_LEDGER, EV_ONCALL, invalid, ok } from "../../test/fixtures";
import { getByLabel } from "../../test/render";
import { choosePerson, draftOf, fill, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

describe("EvidenceForm", () => {
  it("sends exactly the draft that was typed and chosen", async () => {
    const stored = [EV_LEDGER];
    const createEvidence = vi.fn<Commands["createEvidence"]>((_reportId, draft) => {
      const created = { ...EV_ONCALL, id: "e-new", title: draft.title, startedOn: draft.startedOn };
      stored.push(created);
      return Promise.resolve(ok(created));
    });
    const app = await openTab(stored, { createEvidence, listEvidence: () => Promise.resolve(ok([...stored])) });

    await app.user.click(screen.getByRole("button", { name: "Add evidence" }));
    const form = await screen.findByRole("form", { name: "New evidence" });
    const f = (label: string) => getByLabel(label, form);
    await fill(app.user, f("Title"), "Payments SLO");
    await fill(app.user, f("Started on"), "2025-02-01");
    await app.user.selectOptions(f("Kind"), "Org-level improvement");
    await app.user.selectOptions(f("Their role"), "Co-led");
    const coOwners = within(form).getByRole("combobox", { name: "Co-owners" });
    await choosePerson(app.user, coOwners, "Ala", "Alan Turing — Senior engineer");
    // The report cannot be their own co-owner.
    await fill(app.user, coOwners, "Ada");
    expect(await screen.findByRole("option", { name: '+ Add "Ada" to people…' })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: /Ada Lovelace/ })).not.toBeInTheDocument();
    await fill(app.user, f("Quantified impact"), "Paging down 60%");
    await app.user.click(within(form).getByRole("button", { name: "Add link" }));
    expect(f("Link 1 URL")).toHaveFocus();
    await fill(app.user, f("Link 1 URL"), "https://slo.example.com");
    await fill(app.user, f("Link 1 label"), "Dashboard");
    await app.user.selectOptions(f("Work mix"), "Preening (high-status, low-impact)");
    await app.user.click(within(form).getByRole("button", { name: "Add evidence" }));

    await waitFor(() => expect(screen.queryByRole("form", { name: "New evidence" })).not.toBeInTheDocument());
    expect(createEvidence).toHaveBeenCalledTimes(1);
    expect(createEvidence).toHaveBeenCalledWith(ADA.id, {
      title: "Payments SLO",
      description: "",
      startedOn: "2025-02-01",
      endedOn: "",
      kind: "org_improvement",
      role: "co_led",
      coOwnerIds: [EV_COOWNER.id],
      impact: "Paging down 60%",
      links: [{ url: "https://slo.example.com", label: "Dashboard" }],
      inProductionSince: "",
      archetype: null,
      workMix: "preening",
      flagship: false,
    } satisfies EvidenceDraft);
    expect(await screen.findByText("Added “Payments SLO” to Ada Lovelace's evidence.")).toBeInTheDocument();
    // The new item is listed first and brought into view.
    const created = await screen.findByRole("article", { name: "Payments SLO" });
    expect(screen.getAllByTestId("evidence-card")[0]).toBe(created);
    await waitFor(() => expect(created).toHaveFocus());
  }, 15_000);


  it("asks before discarding typed values on Cancel, then returns to the Add button", async () => {
    const app = await openTab([EV_LEDGER]);
    await app.user.click(screen.getByRole("button", { name: "Add evidence" }));
    const form = await screen.findByRole("form", { name: "New evidence" });
    await fill(app.user, getByLabel("Title", form), "Half a thought");

    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(within(form).getByTestId("confirm-discard")).toBeVisible();
    await app.user.click(within(form).getByRole("button", { name: "Keep editing" }));
    expect(getByLabel("Title", form)).toHaveValue("Half a thought");

    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));
    await app.user.click(within(form).getByRole("button", { name: "Discard changes" }));
    expect(screen.queryByRole("form", { name: "New evidence" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add evidence" })).toHaveFocus();
    expect(app.commands.createEvidence).not.toHaveBeenCalled();
  });


  it("shows a link's validation error beside it, keeps every value and focuses it", async () => {
    const message = "Link must start with https://, http:// or mailto:.";
    const createEvidence = vi.fn<Commands["createEvidence"]>(() =>
      Promise.resolve(invalid("The evidence has 1 problem.", { "links.0.url": message })),
    );
    const app = await openTab([], { createEvidence });
    await app.user.click(await screen.findByRole("button", { name: "Add the first evidence item" }));
    const form = await screen.findByRole("form", { name: "New evidence" });
    const f = (label: string) => getByLabel(label, form);
    await fill(app.user, f("Title"), "Ledger migration");
    await fill(app.user, f("Started on"), "2024-02-01");
    await app.user.click(within(form).getByRole("button", { name: "Add link" }));
    await fill(app.user, f("Link 1 URL"), "docs/ledger");
    await fill(app.user, f("Link 1 label"), "Design doc");

    await app.user.click(within(form).getByRole("button", { name: "Add evidence" }));

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent(
      "Nothing was saved. The evidence has 1 problem. Your entries are kept; fix the highlighted field and save again.",
    );
    const url = f("Link 1 URL");
    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByTestId("error-links.0.url")).toHaveTextContent(message);
    await waitFor(() => expect(url).toHaveFocus());
    expect(url).toHaveValue("docs/ledger");
    expect(f("Link 1 label")).toHaveValue("Design doc");
    expect(f("Title")).toHaveValue("Ledger migration");
    expect(f("Started on")).toHaveValue("2024-02-01");
    expect(f("Title")).not.toHaveAttribute("aria-invalid", "true");

    // Fixing the URL clears its error.
    await app.user.clear(url);
    await fill(app.user, url, "https://docs.example.com/ledger");
    expect(url).not.toHaveAttribute("aria-invalid", "true");
  }, 15_000);


  it("marks the flagship, saying which item it takes over from, and shows the core's complaint there", async () => {
    const message = "Only led or co-led work can be the flagship.";
    const createEvidence = vi.fn<Commands["createEvidence"]>(() => Promise.resolve(invalid("The evidence has 1 problem.", { flagship: message })));
    const app = await openTab([EV_LEDGER, EV_ONCALL], { createEvidence });
    await app.user.click(screen.getByRole("button", { name: "Add evidence" }));
    const form = await screen.findByRole("form", { name: "New evidence" });

    const flagship = within(form).getByRole("checkbox", { name: "Flagship: the project the packet leads with" });
    expect(flagship).not.toBeChecked();
    expect(flagship).toHaveAccessibleDescription("One per report. “Ledger migration” is the flagship now: marking this one unmarks it.");
    await fill(app.user, getByLabel("Title", form), "Payments SLO");
    await app.user.click(flagship);
    await app.user.click(within(form).getByRole("button", { name: "Add evidence" }));

    await waitFor(() => expect(createEvidence).toHaveBeenCalledTimes(1));
    expect(createEvidence.mock.calls[0]?.[1].flagship).toBe(true);
    expect(await within(form).findByTestId("error-flagship")).toHaveTextContent(message);
    expect(flagship).toBeChecked();
  }, 15_000);

  it("keeps the flagship when its own item is edited, and says the next one marked takes over", async () => {
    const updateEvidence = vi.fn<Commands["updateEvidence"]>((id) => Promise.resolve(ok({ ...EV_LEDGER, id, version: 3 })));
    const app = await openTab([EV_LEDGER, EV_ONCALL], { updateEvidence });

    await app.user.click(screen.getByRole("button", { name: "Edit Ledger migration" }));
    const form = await screen.findByRole("form", { name: "Edit Ledger migration" });
    const flagship = within(form).getByRole("checkbox", { name: "Flagship: the project the packet leads with" });
    expect(flagship).toBeChecked();
    expect(flagship).toHaveAccessibleDescription("One per report: marking another item later unmarks this one.");
    await app.user.click(flagship);
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(updateEvidence).toHaveBeenCalledWith(EV_LEDGER.id, EV_LEDGER.version, { ...draftOf(EV_LEDGER), flagship: false }));
  });

  it("edits an item against its version", async () => {
    const updateEvidence = vi.fn<Commands["updateEvidence"]>((id, _v, draft) =>
      Promise.resolve(ok({ ...EV_ONCALL, id, impact: draft.impact, version: 2 })),
    );
    const app = await openTab([EV_ONCALL], { updateEvidence });

    await app.user.click(screen.getByRole("button", { name: "Edit On-call handbook" }));
    const form = await screen.findByRole("form", { name: "Edit On-call handbook" });
    expect(getByLabel("Title", form)).toHaveValue("On-call handbook");
    expect(getByLabel("Work mix", form)).toHaveDisplayValue("Snacking (easy, no longer moves anything)");
    await fill(app.user, getByLabel("Quantified impact", form), "Pages per week from 30 to 8");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(updateEvidence).toHaveBeenCalledTimes(1));
    expect(updateEvidence).toHaveBeenCalledWith(EV_ONCALL.id, 1, {
      ...draftOf(EV_ONCALL),
      impact: "Pages per week from 30 to 8",
    });
  });

});
