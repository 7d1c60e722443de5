import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { FeedbackDraft, Mentorship, MentorshipDraft } from "../../bindings";
import { todayIso } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import type { CommandOverrides, Commands } from "../../test/commands";
import {
  ADA,
  MS_ADA_PERSON,
  MS_BOB,
  MS_CAROL,
  MS_MENTORSHIP_BOB,
  MS_MENTORSHIP_CAROL,
  invalid,
  ok,
} from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function openTab(mentorships: Mentorship[], overrides: CommandOverrides = {}) {
  return renderApp(`/reports/${ADA.id}/mentorship`, {
    getReport: () => Promise.resolve(ok(ADA)),
    listMentorships: () => Promise.resolve(ok(mentorships)),
    listPeople: () => Promise.resolve(ok([MS_ADA_PERSON, MS_BOB, MS_CAROL])),
    ...overrides,
  });
}

const card = (id: string) => screen.findByTestId(`mentorship-${id}`);

describe("MentorshipTab", { timeout: 20_000 }, () => {
  it("explains why mentees' own words matter when nobody is recorded", async () => {
    openTab([]);

    const empty = await screen.findByTestId("mentorship-empty");
    expect(empty).toHaveTextContent("No mentees recorded for Ada");
    expect(empty).toHaveTextContent("Only the mentees’ own words tell");
    expect(screen.getByRole("button", { name: "Add a mentee" })).toBeEnabled();
  });

  it("shows current mentees first, each with their feedback newest first", async () => {
    openTab([MS_MENTORSHIP_CAROL, MS_MENTORSHIP_BOB]);

    const bob = await card("m-bob");
    const cards = screen.getAllByRole("article");
    expect(cards.map((c) => within(c).getByRole("heading", { level: 4 }).textContent)).toEqual(["Bob Kahn", "Carol Shaw"]);
    expect(bob).toHaveTextContent("Current");
    expect(bob).toHaveTextContent("Engineer II · Since 1 Sep 2024, ongoing");
    expect(bob).toHaveTextContent("Goals: Run a design review on his own.");
    expect(bob).toHaveTextContent("1 negative not addressed");
    expect(screen.getByTestId("mentorship-m-carol")).toHaveTextContent("1 Oct 2023 – 30 Jun 2024");

    const entries = within(within(bob).getByRole("list", { name: "Feedback from Bob Kahn, newest first" })).getAllByRole("listitem");
    expect(entries.map((e) => e.getAttribute("data-testid"))).toEqual(["feedback-f-bob-negative", "feedback-f-bob-mixed", "feedback-f-bob-positive"]);

    const [negative, mixed, positive] = entries as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(negative).getByTestId("sentiment")).toHaveTextContent("Negative");
    expect(within(negative).getByText("The mentee, directly")).toBeInTheDocument();
    expect(within(negative).getByTestId("feedback-words").tagName).toBe("BLOCKQUOTE");
    expect(within(negative).getByTestId("feedback-words")).toHaveTextContent("Our sessions keep getting cancelled");
    expect(within(negative).getByTestId("quotable")).toHaveTextContent("Not for quoting");
    expect(within(negative).getByTestId("not-addressed")).toHaveTextContent("Not addressed yet");
    expect(within(negative).getByRole("button", { name: "Mark addressed: feedback from Bob Kahn, 10 Feb 2025" })).toBeEnabled();

    expect(within(mixed).getByTestId("sentiment")).toHaveTextContent("Mixed");
    expect(within(mixed).getByTestId("addressed")).toHaveTextContent("Addressed on 10 Jan 2025: Moved the sessions to Friday mornings.");
    expect(within(mixed).queryByRole("button", { name: /Mark addressed/ })).not.toBeInTheDocument();

    expect(within(positive).getByTestId("quotable")).toHaveTextContent("May be quoted in calibration");
    expect(within(positive).queryByTestId("not-addressed")).not.toBeInTheDocument();
    expect(within(positive).queryByTestId("addressed")).not.toBeInTheDocument();
  });

  it("adds a mentee, sending exactly the draft, and never offers the report as their own mentee", async () => {
    const createMentorship = vi.fn<Commands["createMentorship"]>((_, draft) =>
      Promise.resolve(ok({ ...MS_MENTORSHIP_BOB, id: "m-new", feedback: [], goals: draft.goals })),
    );
    const app = openTab([], { createMentorship });

    await app.user.click(await screen.findByRole("button", { name: "Add a mentee" }));
    const form = screen.getByRole("form", { name: "Add a mentee of Ada Lovelace" });
    const mentee = screen.getByRole("combobox", { name: "Mentee" });
    await app.user.click(mentee);
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Bob Kahn — Engineer II", "Carol Shaw — Senior engineer"]);
    await app.user.click(screen.getByRole("option", { name: "Carol Shaw — Senior engineer" }));
    expect(mentee).toHaveValue("Carol Shaw — Senior engineer");
    await app.user.type(getByLabel("Goals", form), "Lead the on-call rotation");
    expect(getByLabel("Started on", form)).toHaveValue(todayIso());
    await app.user.clear(getByLabel("Started on", form));
    await app.user.type(getByLabel("Started on", form), "2025-01-15");
    await app.user.click(within(form).getByRole("button", { name: "Add mentee" }));

    await waitFor(() => expect(screen.queryByRole("form")).not.toBeInTheDocument());
    expect(createMentorship).toHaveBeenCalledTimes(1);
    expect(createMentorship).toHaveBeenCalledWith(ADA.id, {
      menteeId: MS_CAROL.id,
      goals: "Lead the on-call rotation",
      startedOn: "2025-01-15",
      endedOn: "",
    } satisfies MentorshipDraft);
  });

  it("shows the core's complaint beside the field, keeps every value and focuses the field", async () => {
    const message = "Ended on cannot be before it started.";
    const updateMentorship = vi.fn<Commands["updateMentorship"]>(() =>
      Promise.resolve(invalid("The mentorship has 1 problem.", { endedOn: message })),
    );
    const app = openTab([MS_MENTORSHIP_BOB], { updateMentorship });

    await app.user.click(await screen.findByRole("button", { name: "Edit the mentorship of Bob Kahn" }));
    const form = screen.getByRole("form", { name: "Edit the mentorship of Bob Kahn" });
    await app.user.clear(getByLabel("Goals", form));
    await app.user.type(getByLabel("Goals", form), "Own the design review");
    await app.user.type(getByLabel("Ended on", form), "2024-01-01");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    const summary = await within(form).findByTestId("form-summary");
    expect(summary).toHaveTextContent("Nothing was saved. The mentorship has 1 problem.");
    const ended = getByLabel("Ended on", form);
    expect(ended).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("error-endedOn")).toHaveTextContent(message);
    await waitFor(() => expect(ended).toHaveFocus());
    expect(ended).toHaveValue("2024-01-01");
    expect(getByLabel("Goals", form)).toHaveValue("Own the design review");
    expect(screen.getByRole("combobox", { name: "Mentee" })).toHaveValue("Bob Kahn — Engineer II");
    expect(updateMentorship).toHaveBeenCalledWith("m-bob", 4, {
      menteeId: MS_BOB.id,
      goals: "Own the design review",
      startedOn: "2024-09-01",
      endedOn: "2024-01-01",
    } satisfies MentorshipDraft);
  });

  it("adds feedback with today's date by default, sending exactly the draft", async () => {
    const addFeedback = vi.fn<Commands["addFeedback"]>(() => Promise.resolve(ok(MS_MENTORSHIP_BOB)));
    const app = openTab([{ ...MS_MENTORSHIP_BOB, feedback: [] }], { addFeedback });

    const bob = await card("m-bob");
    expect(bob).toHaveTextContent("No feedback from Bob Kahn yet");
    await app.user.click(within(bob).getByRole("button", { name: "Add feedback from Bob Kahn" }));
    const form = within(bob).getByRole("form", { name: "Add feedback from Bob Kahn" });
    expect(getByLabel("Received on", form)).toHaveValue(todayIso());
    expect(getByLabel("Source", form)).toHaveDisplayValue("The mentee, directly");
    expect(getByLabel("Sentiment", form)).toHaveDisplayValue("Choose…");
    await app.user.selectOptions(getByLabel("Source", form), "A survey");
    await app.user.selectOptions(getByLabel("Sentiment", form), "Positive");
    await app.user.type(getByLabel("Their words", form), "Ada made time for me every week.");
    await app.user.click(within(form).getByRole("checkbox", { name: "May be quoted in calibration" }));
    await app.user.click(within(form).getByRole("button", { name: "Add feedback" }));

    await waitFor(() => expect(within(bob).queryByRole("form")).not.toBeInTheDocument());
    expect(addFeedback).toHaveBeenCalledWith("m-bob", {
      receivedOn: todayIso(),
      source: "survey",
      sentiment: "positive",
      words: "Ada made time for me every week.",
      quotable: true,
      addressedOn: "",
      addressedAction: "",
    } satisfies FeedbackDraft);
  });

  it("keeps typed feedback when the core rejects it, with the error at the field", async () => {
    const addFeedback = vi.fn<Commands["addFeedback"]>(() =>
      Promise.resolve(invalid("The feedback has 1 problem.", { sentiment: "Choose the sentiment." })),
    );
    const app = openTab([MS_MENTORSHIP_BOB], { addFeedback });

    const bob = await card("m-bob");
    await app.user.click(within(bob).getByRole("button", { name: "Add feedback from Bob Kahn" }));
    const form = within(bob).getByRole("form", { name: "Add feedback from Bob Kahn" });
    await app.user.type(getByLabel("Their words", form), "Not sure yet.");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("error-sentiment")).toHaveTextContent("Choose the sentiment.");
    await waitFor(() => expect(getByLabel("Sentiment", form)).toHaveFocus());
    expect(getByLabel("Their words", form)).toHaveValue("Not sure yet.");
    expect(addFeedback.mock.calls[0]?.[1]).toMatchObject({ sentiment: null, words: "Not sure yet." });
  });

  it("marks feedback addressed, sending the whole entry with the date, what was done and its version", async () => {
    const updateFeedback = vi.fn<Commands["updateFeedback"]>(() => Promise.resolve(ok(MS_MENTORSHIP_BOB)));
    const app = openTab([MS_MENTORSHIP_BOB], { updateFeedback });

    await app.user.click(await screen.findByRole("button", { name: "Mark addressed: feedback from Bob Kahn, 10 Feb 2025" }));
    const dialog = await screen.findByRole("dialog", { name: "Mark feedback addressed" });
    expect(dialog).toHaveTextContent("Our sessions keep getting cancelled");
    expect(getByLabel("Addressed on", dialog)).toHaveValue(todayIso());
    await app.user.type(getByLabel("What was done", dialog), "Booked a fixed weekly slot.");
    await app.user.clear(getByLabel("Addressed on", dialog));
    await app.user.type(getByLabel("Addressed on", dialog), "2025-02-20");
    await app.user.click(within(dialog).getByRole("button", { name: "Mark addressed" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(updateFeedback).toHaveBeenCalledTimes(1);
    expect(updateFeedback).toHaveBeenCalledWith("f-bob-negative", 2, {
      receivedOn: "2025-02-10",
      source: "mentee",
      sentiment: "negative",
      words: "Our sessions keep getting cancelled and I don't know what to work on.",
      quotable: false,
      addressedOn: "2025-02-20",
      addressedAction: "Booked a fixed weekly slot.",
    } satisfies FeedbackDraft);
  });

  it("keeps the dialog open with the error beside the field when marking addressed is rejected", async () => {
    const updateFeedback = vi.fn<Commands["updateFeedback"]>(() =>
      Promise.resolve(invalid("The feedback has 1 problem.", { addressedAction: "Say what was done about it." })),
    );
    const app = openTab([MS_MENTORSHIP_BOB], { updateFeedback });

    await app.user.click(await screen.findByRole("button", { name: "Mark addressed: feedback from Bob Kahn, 10 Feb 2025" }));
    const dialog = await screen.findByRole("dialog", { name: "Mark feedback addressed" });
    await app.user.click(within(dialog).getByRole("button", { name: "Mark addressed" }));

    expect(await within(dialog).findByTestId("error-addressedAction")).toHaveTextContent("Say what was done about it.");
    await waitFor(() => expect(getByLabel("What was done", dialog)).toHaveFocus());
    expect(getByLabel("Addressed on", dialog)).toHaveValue(todayIso());
  });

  it("edits feedback, including whether it was addressed, with its version", async () => {
    const updateFeedback = vi.fn<Commands["updateFeedback"]>(() => Promise.resolve(ok(MS_MENTORSHIP_BOB)));
    const app = openTab([MS_MENTORSHIP_BOB], { updateFeedback });

    await app.user.click(await screen.findByRole("button", { name: "Edit the feedback from Bob Kahn, 1 Dec 2024" }));
    const form = screen.getByRole("form", { name: "Edit the feedback from Bob Kahn, 1 Dec 2024" });
    expect(getByLabel("Addressed on", form)).toHaveValue("2025-01-10");
    await app.user.click(within(form).getByRole("checkbox", { name: "May be quoted in calibration" }));
    await app.user.click(within(form).getByRole("button", { name: "Save feedback" }));

    await waitFor(() => expect(updateFeedback).toHaveBeenCalledTimes(1));
    expect(updateFeedback).toHaveBeenCalledWith("f-bob-mixed", 1, {
      receivedOn: "2024-12-01",
      source: "survey",
      sentiment: "mixed",
      words: "Helpful, but always rushed.",
      quotable: true,
      addressedOn: "2025-01-10",
      addressedAction: "Moved the sessions to Friday mornings.",
    } satisfies FeedbackDraft);
  });

  it("asks before throwing away typed feedback", async () => {
    const app = openTab([MS_MENTORSHIP_BOB]);

    const bob = await card("m-bob");
    await app.user.click(within(bob).getByRole("button", { name: "Add feedback from Bob Kahn" }));
    const form = within(bob).getByRole("form", { name: "Add feedback from Bob Kahn" });
    await app.user.type(getByLabel("Their words", form), "Great sessions");
    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));

    expect(within(form).getByText("Discard your changes?")).toBeVisible();
    await app.user.click(within(form).getByRole("button", { name: "Keep editing" }));
    expect(getByLabel("Their words", form)).toHaveValue("Great sessions");
    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));
    await app.user.click(within(form).getByRole("button", { name: "Discard changes" }));
    expect(within(bob).queryByRole("form")).not.toBeInTheDocument();
  });

  it("deletes feedback and mentorships through the confirm-and-undo button", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const app = openTab([MS_MENTORSHIP_BOB], { deleteRecord });

    await app.user.click(await screen.findByRole("button", { name: "Delete the feedback from Bob Kahn, 5 Nov 2024" }));
    await app.user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("feedback", "f-bob-positive"));
    await waitFor(() => expect(screen.queryByTestId("confirm-delete")).not.toBeInTheDocument());

    await app.user.click(screen.getByRole("button", { name: "Delete the mentorship of Bob Kahn" }));
    await app.user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("mentorship", "m-bob"));
  });

  it("brings the asked-for feedback entry into view and highlights it", async () => {
    focusRecord("f-bob-mixed");
    openTab([MS_MENTORSHIP_BOB]);

    const entry = await screen.findByTestId("feedback-f-bob-mixed");
    expect(entry).toHaveAttribute("id", "record-f-bob-mixed");
    expect(entry).toHaveAttribute("data-focused", "true");
    await waitFor(() => expect(entry).toHaveFocus());
    expect(screen.getByTestId("mentorship-m-bob")).not.toHaveAttribute("data-focused");
  });

  it("is read-only for an archived report", async () => {
    renderApp(`/reports/${ADA.id}/mentorship`, {
      getReport: () => Promise.resolve(ok({ ...ADA, archivedAt: "2025-03-01T09:00:00Z" })),
      listMentorships: () => Promise.resolve(ok([MS_MENTORSHIP_BOB])),
    });

    await card("m-bob");
    expect(screen.queryByRole("button", { name: "Add a mentee" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Mark addressed/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Delete/ })).not.toBeInTheDocument();
  });
});
