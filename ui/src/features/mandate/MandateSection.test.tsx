import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Mandate, MandateClosing, MandateDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, ADA_MANDATE, ADA_PAST_MANDATE, PEOPLE, fail, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { todayIso } from "../../lib/dates";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const ARCHIVED = { ...ADA, archivedAt: "2026-11-20T10:00:00Z" };

function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return todayIso(d);
}

/** Types a whole value at once (typing long text key by key is slow). */
async function fill(user: ReturnType<typeof renderApp>["user"], el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

/** The options the open picker offers. */
function optionNames() {
  return screen.queryAllByRole("option").map((o) => o.textContent);
}

async function openOverview(mandates: Mandate[], overrides: Parameters<typeof renderApp>[1] = {}, report = ADA) {
  const app = renderApp(`/reports/${ADA.id}`, {
    getReport: () => Promise.resolve(ok(report)),
    listMandates: () => Promise.resolve(ok(mandates)),
    listPeople: () => Promise.resolve(ok(PEOPLE)),
    ...overrides,
  });
  await screen.findByRole("heading", { name: "Mandate" });
  const section = screen.getByTestId("mandate-section");
  await waitFor(() => expect(within(section).queryByLabelText("Loading the mandate")).not.toBeInTheDocument());
  return { ...app, section };
}

describe("MandateSection", { timeout: 15_000 }, () => {
  it("explains what a mandate is when there is none, and sets one with exactly what was entered", async () => {
    const setMandate = vi.fn<Commands["setMandate"]>(() => Promise.resolve(ok([ADA_MANDATE])));
    const { user, section } = await openOverview([], { setMandate });

    const empty = within(section).getByTestId("mandate-empty");
    expect(empty).toHaveTextContent("No mandate recorded");
    expect(empty).toHaveTextContent("room (nobody else is doing it) and attention (leadership agrees it matters now)");

    await user.click(within(section).getByRole("button", { name: "Set a mandate" }));
    const form = screen.getByRole("form", { name: "Set a mandate" });
    expect(getByLabel("Set on", form)).toHaveValue(todayIso());
    expect(getByLabel("Mandate", form)).toHaveFocus();
    await fill(user, getByLabel("Mandate", form), "Own payout correctness.");
    await fill(user, getByLabel("Company priority it serves", form), "Trustworthy payouts");
    await user.selectOptions(getByLabel("Room", form), "Yes");
    await user.selectOptions(getByLabel("Attention", form), "Don't know");
    const sponsor = within(form).getByRole("combobox", { name: "Sponsor" });
    await user.click(sponsor);
    // The directory is offered, except the report: they cannot sponsor themself.
    await waitFor(() => expect(optionNames()).toContain("Omar Haddad — VP Payments"));
    expect(optionNames()).not.toContain("Ada Lovelace — Staff Engineer");
    await user.click(screen.getByRole("option", { name: "Omar Haddad — VP Payments" }));
    expect(sponsor).toHaveValue("Omar Haddad — VP Payments");
    await user.clear(getByLabel("Set on", form));
    await user.type(getByLabel("Set on", form), "2024-02-01");
    await user.type(getByLabel("Review by", form), "2024-08-01");
    await user.click(within(form).getByRole("button", { name: "Set mandate" }));

    await waitFor(() => expect(setMandate).toHaveBeenCalledTimes(1));
    expect(setMandate).toHaveBeenCalledWith(
      ADA.id,
      {
        statement: "Own payout correctness.",
        priority: "Trustworthy payouts",
        room: "yes",
        attention: "unknown",
        sponsorId: "p-omar",
        setOn: "2024-02-01",
        reviewBy: "2024-08-01",
      } satisfies MandateDraft,
      null,
    );
    await waitFor(() => expect(screen.queryByRole("form", { name: "Set a mandate" })).not.toBeInTheDocument());
  });

  it("shows the current mandate at a glance, with past mandates collapsed", async () => {
    const { user, section } = await openOverview([ADA_MANDATE, ADA_PAST_MANDATE]);

    const card = within(section).getByTestId("mandate-card");
    expect(card).toHaveAttribute("id", `record-${ADA_MANDATE.id}`);
    expect(card).toHaveTextContent("Make the ledger the single source of truth for payouts.");
    expect(card).toHaveTextContent("Serves:Cut payout errors in half this year");
    expect(card).toHaveTextContent(/Room · Nobody else is doing it\s*Yes/);
    expect(card).toHaveTextContent(/Attention · Leadership agrees it matters now\s*Partly/);
    expect(card).toHaveTextContent("Omar Haddad — VP Payments");
    expect(card).toHaveTextContent("1 Feb 2024");
    expect(card).toHaveTextContent("No review date");
    expect(within(card).queryByTestId("no-priority")).not.toBeInTheDocument();
    expect(within(card).queryByTestId("review-flag")).not.toBeInTheDocument();

    const toggle = within(section).getByRole("button", { name: "Past mandates (1)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(within(section).queryByTestId("past-mandate")).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const past = within(section).getByTestId("past-mandate");
    expect(past).toHaveTextContent("Stabilise the fraud-check pipeline.");
    expect(past).toHaveTextContent("Completed");
    expect(past).toHaveTextContent("1 Mar 2023 – 31 Jan 2024");
    expect(past).toHaveTextContent("Error rate under 0.1% for a quarter.");
  });

  it("flags a mandate tied to no priority and an overdue review", async () => {
    const { section } = await openOverview([{ ...ADA_MANDATE, priority: "", reviewBy: "2024-06-01" }]);

    expect(within(section).getByTestId("no-priority")).toHaveTextContent("tied to no company priority");
    expect(within(section).getByTestId("review-flag")).toHaveTextContent("review overdue");
  });

  it("flags a review due within 30 days", async () => {
    const { section } = await openOverview([{ ...ADA_MANDATE, reviewBy: inDays(10) }]);
    expect(within(section).getByTestId("review-flag")).toHaveTextContent("review due soon");
  });

  it("fixes the current mandate with its version, showing a validation error at the field", async () => {
    const message = "Review by cannot be before the date it was set.";
    const updateMandate = vi.fn<Commands["updateMandate"]>(() =>
      Promise.resolve(invalid("The mandate has 1 problem.", { reviewBy: message })),
    );
    const { user, section } = await openOverview([ADA_MANDATE], { updateMandate });

    await user.click(within(section).getByRole("button", { name: "Edit the mandate" }));
    const form = screen.getByRole("form", { name: "Fix the current mandate" });
    expect(getByLabel("Mandate", form)).toHaveValue(ADA_MANDATE.statement);
    expect(getByLabel("Room", form)).toHaveDisplayValue("Yes");
    await user.type(getByLabel("Review by", form), "2020-01-01");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent("Nothing was saved. The mandate has 1 problem.");
    expect(updateMandate).toHaveBeenCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, {
      statement: ADA_MANDATE.statement,
      priority: ADA_MANDATE.priority,
      room: "yes",
      attention: "partly",
      sponsorId: "p-omar",
      setOn: "2024-02-01",
      reviewBy: "2020-01-01",
    } satisfies MandateDraft);
    const reviewBy = getByLabel("Review by", form);
    expect(within(form).getByTestId("error-reviewBy")).toHaveTextContent(message);
    await waitFor(() => expect(reviewBy).toHaveFocus());
    expect(reviewBy).toHaveValue("2020-01-01");
    expect(getByLabel("Mandate", form)).toHaveValue(ADA_MANDATE.statement);
  });

  it("replaces the mandate, sending the new draft and how the current one ended", async () => {
    const setMandate = vi.fn<Commands["setMandate"]>(() => Promise.resolve(ok([])));
    const { user, section } = await openOverview([ADA_MANDATE], { setMandate });

    await user.click(within(section).getByRole("button", { name: "Replace the mandate" }));
    const form = screen.getByRole("form", { name: "Replace the mandate" });
    expect(getByLabel("Ended on", form)).toHaveValue(todayIso());
    expect(getByLabel("Set on", form)).toHaveValue(todayIso());
    await user.selectOptions(getByLabel("How it ended", form), "Dropped");
    await fill(user, getByLabel("Reason", form), "Payouts moved to the new org.");
    await user.clear(getByLabel("Ended on", form));
    await user.type(getByLabel("Ended on", form), "2024-06-30");
    await fill(user, getByLabel("Mandate", form), "Lead the risk platform.");
    await user.selectOptions(getByLabel("Room", form), "Partly");
    await user.selectOptions(getByLabel("Attention", form), "Yes");
    await user.clear(getByLabel("Set on", form));
    await user.type(getByLabel("Set on", form), "2024-07-01");
    await user.click(within(form).getByRole("button", { name: "Replace mandate" }));

    await waitFor(() => expect(setMandate).toHaveBeenCalledTimes(1));
    expect(setMandate).toHaveBeenCalledWith(
      ADA.id,
      {
        statement: "Lead the risk platform.",
        priority: "",
        room: "partly",
        attention: "yes",
        sponsorId: null,
        setOn: "2024-07-01",
        reviewBy: "",
      } satisfies MandateDraft,
      { status: "dropped", reason: "Payouts moved to the new org.", endedOn: "2024-06-30" } satisfies MandateClosing,
    );
  });

  it("closes the mandate, and shows a conflict from the core in a notice", async () => {
    const closeMandate = vi.fn<Commands["closeMandate"]>(() =>
      Promise.resolve(fail({ kind: "conflict", message: "This mandate has already ended." })),
    );
    const { user, section } = await openOverview([ADA_MANDATE], { closeMandate });

    await user.click(within(section).getByRole("button", { name: "Close the mandate" }));
    const form = screen.getByRole("form", { name: "Close the mandate" });
    expect(within(form).queryByLabelText(/^Mandate/)).not.toBeInTheDocument();
    await user.selectOptions(getByLabel("How it ended", form), "Completed");
    await fill(user, getByLabel("Reason", form), "Shipped.");
    await user.click(within(form).getByRole("button", { name: "Close mandate" }));

    const notice = await within(form).findByTestId("error-notice");
    expect(notice).toHaveTextContent("This clashes with what is stored");
    expect(notice).toHaveTextContent("This mandate has already ended.");
    expect(closeMandate).toHaveBeenCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, {
      status: "completed",
      reason: "Shipped.",
      endedOn: todayIso(),
    } satisfies MandateClosing);
    expect(getByLabel("Reason", form)).toHaveValue("Shipped.");
  });

  it("leaves the choice of completed or dropped to the core when none is made", async () => {
    const closeMandate = vi.fn<Commands["closeMandate"]>(() =>
      Promise.resolve(invalid("The mandate has 1 problem.", { status: "Say whether the mandate was completed or dropped." })),
    );
    const { user, section } = await openOverview([ADA_MANDATE], { closeMandate });

    await user.click(within(section).getByRole("button", { name: "Close the mandate" }));
    const form = screen.getByRole("form", { name: "Close the mandate" });
    await fill(user, getByLabel("Reason", form), "Shipped.");
    await user.click(within(form).getByRole("button", { name: "Close mandate" }));

    expect(await within(form).findByTestId("error-status")).toHaveTextContent("Say whether the mandate was completed or dropped.");
    expect(closeMandate.mock.calls[0]?.[2]).toMatchObject({ status: "active" });
    await waitFor(() => expect(getByLabel("How it ended", form)).toHaveFocus());
  });

  it("deletes a past mandate after confirmation", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const { user, section } = await openOverview([ADA_MANDATE, ADA_PAST_MANDATE], { deleteRecord });

    await user.click(within(section).getByRole("button", { name: "Past mandates (1)" }));
    const del = within(section).getByRole("button", { name: "Delete the past mandate “Stabilise the fraud-check pipeline.”" });
    await user.click(del);
    const dialog = await screen.findByRole("dialog");
    expect(deleteRecord).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId("confirm-delete"));

    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("mandate", ADA_PAST_MANDATE.id));
  });

  it("offers no changes on an archived report and says why", async () => {
    const { user, section } = await openOverview([ADA_MANDATE, ADA_PAST_MANDATE], {}, ARCHIVED);

    expect(within(section).getByTestId("mandate-archived")).toHaveTextContent("Ada Lovelace is archived");
    expect(within(section).getByTestId("mandate-card")).toBeInTheDocument();
    for (const name of ["Edit the mandate", "Replace the mandate", "Close the mandate", "Set a mandate"]) {
      expect(within(section).queryByRole("button", { name })).not.toBeInTheDocument();
    }
    await user.click(within(section).getByRole("button", { name: "Past mandates (1)" }));
    expect(within(section).getByTestId("past-mandate")).toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: /Delete/ })).not.toBeInTheDocument();
  });

  it("offers no Set a mandate on an archived report without one", async () => {
    const { section } = await openOverview([], {}, ARCHIVED);

    expect(within(section).getByTestId("mandate-empty")).toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: "Set a mandate" })).not.toBeInTheDocument();
  });
});
