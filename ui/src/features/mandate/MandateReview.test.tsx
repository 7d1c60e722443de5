// Reviewing the current mandate: kept, changed (its fields pre-filled from it) or dropped, with
// the next review date; and the review history on the mandate's card.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Mandate, MandateReview, MandateReviewDraft } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import { ADA, ADA_MANDATE, ADA_PAST_MANDATE, OMAR, PEOPLE, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { addMonths, formatDate, todayIso } from "../../lib/dates";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const TODAY = todayIso();
const IN_THREE_MONTHS = addMonths(TODAY, 3);

async function openOverview(mandates: Mandate[], overrides: CommandOverrides = {}, report = ADA) {
  const app = renderApp(`/reports/${report.id}`, {
    getReport: () => Promise.resolve(ok(report)),
    listMandates: () => Promise.resolve(ok(mandates)),
    listPeople: () => Promise.resolve(ok(PEOPLE)),
    ...overrides,
  });
  const section = await screen.findByTestId("mandate-section");
  await within(section).findByTestId("mandate-card");
  return { ...app, section };
}

async function openReview(mandates: Mandate[], overrides: CommandOverrides = {}) {
  const app = await openOverview(mandates, overrides);
  await app.user.click(within(app.section).getByRole("button", { name: "Review the mandate" }));
  const form = screen.getByRole("form", { name: "Review the mandate" });
  return { ...app, form, f: (label: string) => getByLabel(label, form) };
}

const review = (r: Partial<MandateReview>): MandateReview => ({
  id: "mr-1",
  mandateId: ADA_MANDATE.id,
  reviewedOn: "2027-02-02",
  outcome: "kept",
  note: "",
  nextReviewOn: "2027-05-02",
  version: 1,
  createdAt: "2027-02-02T09:00:00Z",
  updatedAt: "2027-02-02T09:00:00Z",
  ...r,
});

describe("Reviewing the mandate", { timeout: 20_000 }, () => {
  it("offers a labelled review form: the outcome, today as the review date, a next review three months on, a note", async () => {
    const { form, f } = await openReview([ADA_MANDATE]);

    const outcome = within(form).getByRole("radiogroup", { name: "What did the review decide?" });
    expect(within(outcome).getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual(["kept", "changed", "dropped"]);
    expect(within(outcome).getByRole("radio", { name: "Kept" })).toHaveFocus();
    expect(within(outcome).getByRole("radio", { name: "Dropped" })).toHaveAccessibleDescription("No longer theirs: the mandate ends on the review's day");
    for (const r of within(outcome).getAllByRole("radio")) expect(r).not.toBeChecked();
    expect(f("Reviewed on")).toHaveValue(TODAY);
    expect(f("Next review")).toHaveValue(IN_THREE_MONTHS);
    expect(f("Note")).toHaveValue("");
    // The mandate's own fields only appear for "changed".
    expect(within(form).queryByLabelText("Mandate")).not.toBeInTheDocument();
  });

  it("records a kept mandate with its next review", async () => {
    const reviewMandate = vi.fn<Commands["reviewMandate"]>(() =>
      Promise.resolve(ok({ ...ADA_MANDATE, reviewBy: IN_THREE_MONTHS, reviews: [review({ reviewedOn: TODAY, nextReviewOn: IN_THREE_MONTHS })], version: 3 })),
    );
    const { user, form, f } = await openReview([ADA_MANDATE], { reviewMandate });

    await user.click(within(form).getByRole("radio", { name: "Kept" }));
    await user.click(f("Note"));
    await user.paste("Omar still sees payouts as the top risk.");
    await user.click(within(form).getByRole("button", { name: "Save review" }));

    await waitFor(() => expect(reviewMandate).toHaveBeenCalledTimes(1));
    expect(reviewMandate).toHaveBeenCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, {
      reviewedOn: TODAY,
      outcome: "kept",
      note: "Omar still sees payouts as the top risk.",
      nextReviewOn: IN_THREE_MONTHS,
      changed: null,
    } satisfies MandateReviewDraft);
    expect(await screen.findByText(`Kept the mandate; next review ${formatDate(IN_THREE_MONTHS)}.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("form", { name: "Review the mandate" })).not.toBeInTheDocument());
  });

  it("shows the core's complaint about the next review at that field, and keeps what was typed", async () => {
    const message = "Next review must be after the review.";
    const reviewMandate = vi.fn<Commands["reviewMandate"]>(() => Promise.resolve(invalid("The review has 1 problem.", { nextReviewOn: message })));
    const { user, form, f } = await openReview([ADA_MANDATE], { reviewMandate });

    await user.click(within(form).getByRole("radio", { name: "Kept" }));
    await user.clear(f("Next review"));
    await user.type(f("Next review"), "2020-01-01");
    await user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("error-nextReviewOn")).toHaveTextContent(message);
    await waitFor(() => expect(f("Next review")).toHaveFocus());
    expect(f("Next review")).toHaveValue("2020-01-01");
    expect(within(form).getByRole("radio", { name: "Kept" })).toBeChecked();
  });

  it("changes the mandate from its current fields, and shows a complaint about them at their field", async () => {
    const message = "Mandate is required.";
    const reviewMandate = vi.fn<Commands["reviewMandate"]>(() =>
      Promise.resolve(invalid("The review has 1 problem.", { "changed.statement": message })),
    );
    const { user, form, f } = await openReview([ADA_MANDATE], { reviewMandate });

    await user.click(within(form).getByRole("radio", { name: "Changed" }));
    // Pre-filled from the current mandate; its dates are not the review's to change.
    expect(await within(form).findByRole("heading", { name: "The mandate from now on" })).toBeInTheDocument();
    expect(f("Mandate")).toHaveValue(ADA_MANDATE.statement);
    expect(f("Company priority it serves")).toHaveValue(ADA_MANDATE.priority);
    expect(f("Room")).toHaveDisplayValue("Yes");
    expect(f("Attention")).toHaveDisplayValue("Partly");
    expect(within(form).getByRole("combobox", { name: "Sponsor" })).toHaveValue("Omar Haddad — VP Payments");
    expect(within(form).queryByLabelText("Set on")).not.toBeInTheDocument();
    expect(within(form).queryByLabelText("Review by")).not.toBeInTheDocument();

    await user.clear(f("Mandate"));
    await user.selectOptions(f("Attention"), "Yes");
    await user.click(within(form).getByRole("button", { name: "Save review" }));

    await waitFor(() => expect(reviewMandate).toHaveBeenCalledTimes(1));
    expect(reviewMandate).toHaveBeenCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, {
      reviewedOn: TODAY,
      outcome: "changed",
      note: "",
      nextReviewOn: IN_THREE_MONTHS,
      changed: {
        statement: "",
        priority: ADA_MANDATE.priority,
        room: "yes",
        attention: "yes",
        sponsorId: OMAR.id,
        setOn: ADA_MANDATE.setOn,
        reviewBy: "",
      },
    } satisfies MandateReviewDraft);
    // The core names the changed mandate's fields "changed.<field>": shown at the form's own field.
    expect(await within(form).findByTestId("error-statement")).toHaveTextContent(message);
    expect(f("Mandate")).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(f("Mandate")).toHaveFocus());
  });

  it("drops the mandate: no next review is asked for or sent, and the note (why) is required", async () => {
    const message = "Say why the mandate was dropped.";
    const dropped: Mandate = { ...ADA_MANDATE, status: "dropped", statusReason: "Payouts moved to the platform team.", endedOn: TODAY, version: 3 };
    const reviewMandate = vi
      .fn<Commands["reviewMandate"]>()
      .mockResolvedValueOnce(invalid("The review has 1 problem.", { note: message }))
      .mockResolvedValueOnce(ok(dropped));
    const { user, form, f } = await openReview([ADA_MANDATE], { reviewMandate });

    await user.click(within(form).getByRole("radio", { name: "Dropped" }));
    expect(within(form).queryByLabelText("Next review")).not.toBeInTheDocument();
    expect(within(form).getByTestId("no-next-review")).toHaveTextContent("A dropped mandate ends on the review's day: there is no next review.");
    expect(f("Note")).toHaveAccessibleDescription(expect.stringContaining("Why it was dropped (required)"));
    await user.click(within(form).getByRole("button", { name: "Save review" }));

    expect(await within(form).findByTestId("error-note")).toHaveTextContent(message);
    expect(reviewMandate).toHaveBeenLastCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, {
      reviewedOn: TODAY,
      outcome: "dropped",
      note: "",
      nextReviewOn: "",
      changed: null,
    } satisfies MandateReviewDraft);

    await user.click(f("Note"));
    await user.paste("Payouts moved to the platform team.");
    await user.click(within(form).getByRole("button", { name: "Save review" }));
    await waitFor(() => expect(reviewMandate).toHaveBeenCalledTimes(2));
    expect(reviewMandate).toHaveBeenLastCalledWith(ADA_MANDATE.id, ADA_MANDATE.version, expect.objectContaining({ note: "Payouts moved to the platform team.", nextReviewOn: "" }));
    expect(await screen.findByText("Dropped the mandate; it is in the history.")).toBeInTheDocument();
  });

  it("lists the mandate's reviews on its card, newest first, and shows the mandate's own review date", async () => {
    const reviewed: Mandate = {
      ...ADA_MANDATE,
      reviewBy: "2027-05-02",
      reviews: [
        review({ id: "mr-2", reviewedOn: "2027-02-02", nextReviewOn: "2027-05-02", note: "Still the top risk." }),
        review({ id: "mr-1", outcome: "changed", reviewedOn: "2026-11-03", nextReviewOn: "2027-02-03" }),
      ],
    };
    const { section } = await openOverview([reviewed, { ...ADA_PAST_MANDATE, reviews: [review({ id: "mr-0", outcome: "dropped", reviewedOn: "2024-01-31", nextReviewOn: null })] }]);

    const card = within(section).getByTestId("mandate-card");
    const items = within(card).getAllByTestId("mandate-review");
    expect(items.map((i) => i.textContent)).toEqual([
      "Kept on 2 Feb 2027 · next review 2 May 2027Still the top risk.",
      "Changed on 3 Nov 2026 · next review 3 Feb 2027",
    ]);
    expect(card).toHaveTextContent("Review by2 May 2027");
    expect(card).not.toHaveTextContent(/\d{4}-\d{2}-\d{2}/);
  });

  it("says when the mandate was never reviewed", async () => {
    const { section } = await openOverview([ADA_MANDATE]);
    expect(within(section).getByTestId("no-mandate-reviews")).toHaveTextContent("Not reviewed yet");
  });

  it("offers no review on an archived report", async () => {
    const { section } = await openOverview([ADA_MANDATE], {}, { ...ADA, archivedAt: "2026-11-20T10:00:00Z" });
    expect(within(section).queryByRole("button", { name: "Review the mandate" })).not.toBeInTheDocument();
  });
});
