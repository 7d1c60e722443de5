import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Advocate, AdvocateDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, NINA_ADVOCATE, OMAR_ADVOCATE, PEOPLE, fail, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";
import { summaryLine } from "./summary";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

type User = ReturnType<typeof renderApp>["user"];
const ARCHIVED = { ...ADA, archivedAt: "2026-11-20T10:00:00Z" };

/** The first day of the month `n` months before this one: exactly n months ago, by the calendar. */
function monthsAgo(n: number): string {
  const now = new Date();
  return todayIso(new Date(now.getFullYear(), now.getMonth() - n, 1));
}

async function openAdvocates(advocates: Advocate[], overrides: Parameters<typeof renderApp>[1] = {}, report = ADA) {
  const app = renderApp(`/reports/${ADA.id}/advocates`, {
    getReport: () => Promise.resolve(ok(report)),
    listAdvocates: () => Promise.resolve(ok(advocates)),
    listPeople: () => Promise.resolve(ok(PEOPLE)),
    ...overrides,
  });
  const tab = await screen.findByTestId("advocates-tab");
  return { ...app, tab };
}

async function fill(user: User, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

function card(name: string) {
  const found = screen.getAllByTestId("advocate-card").find((c) => within(c).queryByText(name));
  if (!found) throw new Error(`no advocate card for ${name}`);
  return found;
}

describe("AdvocatesTab", { timeout: 15_000 }, () => {
  it("asks who would speak for the report when nobody is recorded, then adds an advocate as entered", async () => {
    const createAdvocate = vi.fn<Commands["createAdvocate"]>(() => Promise.resolve(ok(OMAR_ADVOCATE)));
    const { user, tab } = await openAdvocates([], { createAdvocate });

    const empty = within(tab).getByTestId("advocates-empty");
    expect(empty).toHaveTextContent("No advocates recorded");
    expect(empty).toHaveTextContent("Who would speak for Ada Lovelace's work in calibration?");
    expect(within(tab).queryByTestId("advocates-summary")).not.toBeInTheDocument();

    await user.click(within(empty).getByRole("button", { name: "Add advocate" }));
    const form = screen.getByRole("form", { name: "New advocate" });
    const person = within(form).getByRole("combobox", { name: "Advocate" });
    expect(person).toHaveFocus();
    await user.click(person);
    const offered = screen.queryAllByRole("option").map((o) => o.textContent);
    expect(offered).toContain("Nina Patel — Director of Engineering");
    expect(offered).not.toContain("Ada Lovelace — Staff Engineer");
    await user.click(screen.getByRole("option", { name: "Omar Haddad — VP Payments" }));
    await user.selectOptions(getByLabel("Strength of support", form), "Strong");
    await fill(user, getByLabel("What they have seen", form), "The ledger design review.");
    await user.type(getByLabel("Supporting since", form), "2023-11-01");
    await user.type(getByLabel("Last checked", form), "2024-05-01");
    await fill(user, getByLabel("Notes", form), "Wants a demo first.");
    await user.click(within(form).getByRole("button", { name: "Add advocate" }));

    await waitFor(() => expect(createAdvocate).toHaveBeenCalledTimes(1));
    expect(createAdvocate).toHaveBeenCalledWith(ADA.id, {
      personId: "p-omar",
      whatSeen: "The ledger design review.",
      strength: "strong",
      lastChecked: "2024-05-01",
      supportingSince: "2023-11-01",
      notes: "Wants a demo first.",
    } satisfies AdvocateDraft);
    await waitFor(() => expect(screen.queryByRole("form", { name: "New advocate" })).not.toBeInTheDocument());
    expect(await screen.findByText("Added Omar Haddad as an advocate.")).toBeInTheDocument();
  });

  it("lists advocates under a one-line summary, flagging support never or long ago checked", async () => {
    const recent = { ...OMAR_ADVOCATE, lastChecked: monthsAgo(3) };
    const { tab } = await openAdvocates([recent, NINA_ADVOCATE]);

    expect(within(tab).getByTestId("advocates-summary")).toHaveTextContent(
      "2 advocates, 1 strong; support last checked 3 months ago",
    );
    const omar = card("Omar Haddad");
    expect(omar).toHaveAttribute("id", `record-${OMAR_ADVOCATE.id}`);
    expect(within(omar).getByTestId("strength")).toHaveTextContent("Strong support");
    expect(omar).toHaveTextContent("The ledger migration design review.");
    expect(omar).toHaveTextContent("3 months ago");
    expect(within(omar).queryByTestId("check-flag")).not.toBeInTheDocument();

    // Since when they support the work, apart from when that was last confirmed.
    expect(within(omar).getByTestId("supporting-since")).toHaveTextContent(/^Supporting since 1 Nov 2023 \(.+ ago\)$/);
    expect(within(omar).getByTestId("last-checked")).toHaveTextContent("Support last checked");

    const nina = card("Nina Patel");
    expect(within(nina).getByTestId("supporting-since")).toHaveTextContent("Supporting since: not known");
    expect(within(nina).getByTestId("strength")).toHaveTextContent("Moderate support");
    expect(within(nina).getByTestId("check-flag")).toHaveTextContent("never checked");
    expect(nina).toHaveTextContent("Ask her before the next cycle.");
  });

  it("flags support last checked more than 6 months ago", async () => {
    await openAdvocates([{ ...OMAR_ADVOCATE, lastChecked: monthsAgo(7) }]);

    expect(within(card("Omar Haddad")).getByTestId("check-flag")).toHaveTextContent("checked over 6 months ago");
  });

  it("summarises in words", () => {
    expect(summaryLine([NINA_ADVOCATE], "2024-06-01")).toBe("1 advocate, none strong; support never checked");
    expect(summaryLine([OMAR_ADVOCATE, NINA_ADVOCATE], "2025-07-15")).toBe(
      "2 advocates, 1 strong; support last checked 1 year 2 months ago",
    );
    expect(summaryLine([OMAR_ADVOCATE], "2024-05-20")).toBe("1 advocate, 1 strong; support last checked 19 days ago");
  });

  it("shows a validation error at the field and keeps every value", async () => {
    const message = "Last checked must be a date like 2024-03-01.";
    const createAdvocate = vi.fn<Commands["createAdvocate"]>(() =>
      Promise.resolve(invalid("The advocate has 2 problems.", { personId: "Choose the advocate.", lastChecked: message })),
    );
    const { user, tab } = await openAdvocates([OMAR_ADVOCATE], { createAdvocate });

    await user.click(within(tab).getByRole("button", { name: "Add advocate" }));
    const form = screen.getByRole("form", { name: "New advocate" });
    await user.selectOptions(getByLabel("Strength of support", form), "Weak");
    await user.type(getByLabel("Last checked", form), "in May");
    await user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent(
      "Nothing was saved. The advocate has 2 problems. Your entries are kept; fix the highlighted fields and save again.",
    );
    expect(createAdvocate).toHaveBeenCalledWith(ADA.id, { personId: null, whatSeen: "", strength: "weak", lastChecked: "in May", supportingSince: "", notes: "" });
    expect(within(form).getByTestId("error-lastChecked")).toHaveTextContent(message);
    expect(within(form).getByTestId("error-personId")).toHaveTextContent("Choose the advocate.");
    // Focus goes to the first invalid field.
    await waitFor(() => expect(within(form).getByRole("combobox", { name: "Advocate" })).toHaveFocus());
    expect(getByLabel("Last checked", form)).toHaveValue("in May");
    expect(getByLabel("Strength of support", form)).toHaveDisplayValue("Weak");
  });

  it("keeps “Supporting since” apart from “Last checked”: starts from the stored date, sends it, shows its error there", async () => {
    const message = "Supporting since must be a date like 2024-03-01.";
    const updateAdvocate = vi.fn<Commands["updateAdvocate"]>(() => Promise.resolve(invalid("The advocate has 1 problem.", { supportingSince: message })));
    const { user } = await openAdvocates([OMAR_ADVOCATE], { updateAdvocate });

    await user.click(within(card("Omar Haddad")).getByRole("button", { name: "Edit advocate Omar Haddad" }));
    const form = screen.getByRole("form", { name: "Edit advocate Omar Haddad" });
    const since = getByLabel("Supporting since", form);
    expect(since).toHaveValue("2023-11-01");
    // The date in words first, then the field's own description.
    expect(since).toHaveAccessibleDescription("Wed 1 Nov 2023 · Since when they have backed the work; empty if you don't know");
    expect(getByLabel("Last checked", form)).toHaveValue("2024-05-01");
    await user.clear(since);
    await user.type(since, "last autumn");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await within(form).findByTestId("error-supportingSince")).toHaveTextContent(message);
    expect(updateAdvocate).toHaveBeenCalledWith(OMAR_ADVOCATE.id, OMAR_ADVOCATE.version, expect.objectContaining({ supportingSince: "last autumn", lastChecked: "2024-05-01" }));
    await waitFor(() => expect(since).toHaveFocus());
    expect(since).toHaveAttribute("aria-invalid", "true");
    expect(getByLabel("Last checked", form)).not.toHaveAttribute("aria-invalid", "true");
  });

  it("edits an advocate with its version, and shows a conflict in a notice", async () => {
    const updateAdvocate = vi.fn<Commands["updateAdvocate"]>(() =>
      Promise.resolve(fail({ kind: "conflict", message: "The advocate was changed elsewhere since you opened it." })),
    );
    const { user } = await openAdvocates([OMAR_ADVOCATE, NINA_ADVOCATE], { updateAdvocate });

    await user.click(within(card("Nina Patel")).getByRole("button", { name: "Edit advocate Nina Patel" }));
    const form = screen.getByRole("form", { name: "Edit advocate Nina Patel" });
    await waitFor(() => expect(within(form).getByRole("combobox", { name: "Advocate" })).toHaveValue("Nina Patel — Director of Engineering"));
    await user.type(getByLabel("Last checked", form), "2024-06-03");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const notice = await within(form).findByTestId("error-notice");
    expect(notice).toHaveTextContent("The advocate was changed elsewhere since you opened it.");
    expect(within(notice).getByRole("button", { name: "Discard my changes and load the latest version" })).toBeInTheDocument();
    expect(updateAdvocate).toHaveBeenCalledWith(NINA_ADVOCATE.id, NINA_ADVOCATE.version, {
      personId: "p-nina",
      whatSeen: NINA_ADVOCATE.whatSeen,
      strength: "moderate",
      lastChecked: "2024-06-03",
      supportingSince: "",
      notes: NINA_ADVOCATE.notes,
    } satisfies AdvocateDraft);
    expect(getByLabel("Last checked", form)).toHaveValue("2024-06-03");
  });

  it("deletes an advocate after confirmation", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const { user } = await openAdvocates([OMAR_ADVOCATE, NINA_ADVOCATE], { deleteRecord });

    await user.click(within(card("Omar Haddad")).getByRole("button", { name: "Delete the advocate Omar Haddad" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete the advocate Omar Haddad?" });
    expect(deleteRecord).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("advocate", OMAR_ADVOCATE.id));
    expect(await screen.findByText("Deleted the advocate Omar Haddad.")).toBeInTheDocument();
  });

  it("offers no changes on an archived report and says why", async () => {
    const { tab } = await openAdvocates([OMAR_ADVOCATE], {}, ARCHIVED);

    expect(within(tab).getByTestId("advocates-archived")).toHaveTextContent("Ada Lovelace is archived");
    expect(card("Omar Haddad")).toBeInTheDocument();
    expect(within(tab).queryByRole("button", { name: "Add advocate" })).not.toBeInTheDocument();
    expect(within(tab).queryByRole("button", { name: /Edit advocate/ })).not.toBeInTheDocument();
    expect(within(tab).queryByRole("button", { name: /Delete/ })).not.toBeInTheDocument();
  });

  it("offers no Add advocate in the empty state of an archived report", async () => {
    const { tab } = await openAdvocates([], {}, ARCHIVED);

    expect(within(tab).getByTestId("advocates-empty")).toBeInTheDocument();
    expect(within(tab).queryByRole("button", { name: "Add advocate" })).not.toBeInTheDocument();
  });
});
