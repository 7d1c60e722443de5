import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { EvidenceDraft, FeedbackDraft, OneOnOnes } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import {
  ADA,
  EV_LEDGER,
  MS_MENTORSHIP_BOB,
  MS_MENTORSHIP_CAROL,
  OO_ACTION_SLOT,
  OO_AGENDA_PACKET,
  OO_AGENDA_SCOPE,
  OO_MEETING_FIRST,
  OO_MEETING_LAST,
  OO_MEETING_MIDDLE,
  OO_NOTE_SEEN,
  OO_ONES,
  OO_TODAY,
  invalid,
  noOneOnOnes,
  ok,
  ooDay,
  ooOnesWithNext,
} from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { focusRecord } from "../../lib/focus";
import { formatDate } from "../../lib/dates";
import { dayDate } from "./dates";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function openTab(ones: OneOnOnes, overrides: CommandOverrides = {}, report = ADA) {
  return renderApp(`/reports/${report.id}/one-on-ones`, {
    getReport: () => Promise.resolve(ok(report)),
    listOneOnOnes: () => Promise.resolve(ok(ones)),
    ...overrides,
  });
}

const nextCard = () => screen.findByTestId("next-one-on-one");
const meeting = (id: string) => screen.findByTestId(`meeting-${id}`);
const row = (container: HTMLElement, testId: string) => within(container).getByTestId(testId);

/** Ada's 1:1s with one more thing changed, as a write would answer. */
const withOnes = (changes: Partial<OneOnOnes>): OneOnOnes => ({ ...OO_ONES, ...changes });

/** Years of weekly 1:1s: 130 held (newest first), the 57th mentioning the RFC. */
function manyOnes(): OneOnOnes {
  const meetings = Array.from({ length: 130 }, (_, i) => ({
    ...OO_MEETING_FIRST,
    id: `mt-w${i}`,
    heldOn: ooDay(-7 * (i + 1)),
    agenda: [],
    notes:
      i === 56
        ? [{ ...OO_NOTE_SEEN, id: "n-rfc", meetingId: `mt-w${i}`, body: "She wants the RFC reviewed before the cut-over weekend.", links: [] }]
        : [],
  }));
  return { ...noOneOnOnes(ADA.id), meetings, lastMeeting: meetings[0]?.heldOn ?? null };
}

describe("OneOnOnesTab at scale", { timeout: 20_000 }, () => {
  it("shows ten 1:1s at a time, finds one by what was said, and opens the one search asked for", async () => {
    const app = openTab(manyOnes());
    await meeting("mt-w0");
    expect(screen.getAllByTestId(/^meeting-mt-/)).toHaveLength(10);
    const older = screen.getByRole("button", { name: "Show 10 older 1:1s (120 more)" });
    await app.user.click(older);
    expect(screen.getAllByTestId(/^meeting-mt-/)).toHaveLength(20);
    expect(screen.getByRole("button", { name: "Show 10 older 1:1s (110 more)" })).toBeInTheDocument();

    await app.user.type(getByLabel("Find in these 1:1s"), "cut-over rfc");
    expect(await screen.findByTestId("meetings-found")).toHaveTextContent("1 of 130 1:1s");
    expect(screen.getAllByTestId(/^meeting-mt-/).map((m) => m.dataset.testid)).toEqual(["meeting-mt-w56"]);
    expect(screen.queryByTestId("meetings-older")).not.toBeInTheDocument();
    await app.user.clear(getByLabel("Find in these 1:1s"));
    await app.user.type(getByLabel("Find in these 1:1s"), "nothing like this");
    expect(screen.getByTestId("meetings-found")).toHaveTextContent("No 1:1 mentions that.");
  });

  it("a note asked for by search is on the page even when it is years back", async () => {
    focusRecord("n-rfc");
    openTab(manyOnes());
    expect(await meeting("mt-w56")).toBeInTheDocument();
    expect(screen.getAllByTestId(/^meeting-mt-/)).toHaveLength(60);
  });
});

describe("OneOnOnesTab", { timeout: 20_000 }, () => {
  it("shows notes, agenda and action items as Markdown: links open outside the app, typed HTML stays text", async () => {
    const openExternalLink = vi.fn<Commands["openExternalLink"]>(() => Promise.resolve(ok(null)));
    const note = {
      ...OO_NOTE_SEEN,
      body: "**Agreed**: she demos it.\n\n- book the slot\n- share [the design doc](https://docs.example.com/ledger)\n\n<img src=x onerror=alert(1)>",
    };
    const scope = { ...OO_AGENDA_SCOPE, text: "Is the *ledger* enough? <script>alert(1)</script> [x](javascript:alert(1))" };
    const slot = { ...OO_ACTION_SLOT, text: "Send the `rubric` to [Ada](mailto:ada@example.com)" };
    const last = { ...OO_MEETING_LAST, notes: [note], agenda: [{ item: scope, carried: 1, outcome: "open" as const }], actions: [slot] };
    const app = openTab(withOnes({ meetings: [last, OO_MEETING_MIDDLE, OO_MEETING_FIRST], openAgenda: [scope, OO_AGENDA_PACKET] }), { openExternalLink });
    const card = await meeting(last.id);

    const noteRow = row(card, `note-${note.id}`);
    expect(within(noteRow).getByText("Agreed").tagName).toBe("STRONG");
    expect(within(noteRow).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["book the slot", "share the design doc"]);
    expect(noteRow).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(noteRow.querySelector("[data-markdown] :is(img, script, a)")).toBeNull();
    await app.user.click(within(noteRow).getByRole("button", { name: "the design doc" }));
    await waitFor(() => expect(openExternalLink).toHaveBeenCalledWith("https://docs.example.com/ledger"));

    // An agenda item stays one line: inline Markdown, no paragraph or list.
    const agendaRow = row(card, `agenda-${scope.id}`);
    expect(within(agendaRow).getByText("ledger").tagName).toBe("EM");
    expect(agendaRow).toHaveTextContent("Is the ledger enough? <script>alert(1)</script> x");
    expect(agendaRow.querySelector("[data-markdown] :is(p, ul, script, a)")).toBeNull();
    expect(within(agendaRow).queryByRole("button", { name: "x" })).not.toBeInTheDocument();

    const actionRow = row(card, `action-${slot.id}`);
    expect(within(actionRow).getByText("rubric").tagName).toBe("CODE");
    // Controls name the item by its words, without the Markdown markers.
    expect(within(actionRow).getByRole("checkbox", { name: "Done: Send the rubric to Ada" })).not.toBeChecked();
    expect(within(noteRow).getByRole("button", { name: /^Delete the note “Agreed: she demos it\. book the slot share/ })).toBeEnabled();
    await app.user.click(within(actionRow).getByRole("button", { name: "Ada" }));
    expect(openExternalLink).toHaveBeenLastCalledWith("mailto:ada@example.com");

    // The fields say they take Markdown.
    expect(getByLabel("Add a note", card)).toHaveAccessibleDescription("Markdown: **bold**, - lists, [links](https://…)");
    expect(getByLabel("Add to agenda", await nextCard())).toHaveAccessibleDescription("Markdown: **bold**, *italics*, `code`, [links](https://…)");
    await app.user.click(within(card).getByRole("button", { name: "Add action item" }));
    expect(getByLabel("Action item", card)).toHaveAccessibleDescription("Markdown: **bold**, *italics*, `code`, [links](https://…)");
  });

  it("explains 1:1s when there are none, and holds one today", async () => {
    const today = { ...OO_MEETING_FIRST, id: "mt-today", heldOn: OO_TODAY, agenda: [] };
    const createMeeting = vi.fn<Commands["createMeeting"]>(() =>
      Promise.resolve(ok({ ...noOneOnOnes(ADA.id), meetings: [today], nextMeeting: OO_TODAY, lastMeeting: OO_TODAY })),
    );
    const app = openTab(noOneOnOnes(ADA.id), { createMeeting });

    const empty = await screen.findByTestId("one-on-ones-empty");
    expect(empty).toHaveTextContent("No 1:1s yet");
    expect(empty).toHaveTextContent("Hold one today, or plan the next one, above.");
    expect(empty).toHaveTextContent("open agenda items carry over until done or dropped");
    const next = await nextCard();
    expect(within(next).getByTestId("next-date")).toHaveTextContent("No 1:1 planned");
    expect(getByLabel("Date of the 1:1", next)).toHaveValue(OO_TODAY);

    await app.user.click(within(next).getByRole("button", { name: "Hold 1:1" }));

    expect(createMeeting).toHaveBeenCalledWith(ADA.id, { heldOn: OO_TODAY });
    const card = await meeting("mt-today");
    expect(within(card).getByRole("heading", { level: 4 })).toHaveTextContent(dayDate(OO_TODAY));
    expect(within(card).queryByTestId("planned")).not.toBeInTheDocument();
    expect(screen.queryByTestId("one-on-ones-empty")).not.toBeInTheDocument();
    expect(within(next).getByTestId("next-date")).toHaveTextContent(`${dayDate(OO_TODAY)}today`);
    // Today's 1:1 is recorded: the next step offered is planning the one after, one cadence on
    // (Ada's 1:1s are every two weeks).
    await waitFor(() => expect(getByLabel("Date of the 1:1", next)).toHaveValue(ooDay(14)));
    expect(within(next).getByRole("button", { name: "Plan 1:1" })).toBeEnabled();
  });

  it("says the report's 1:1 cadence and, when nothing is planned in time, by when the next is due", async () => {
    const { unmount } = openTab(OO_ONES);
    const cadence = within(await nextCard()).getByTestId("cadence");
    // The last 1:1 was a week ago, every two weeks: due in a week.
    expect(cadence).toHaveTextContent(`1:1s every two weeks · next due by ${dayDate(ooDay(7))} · change`);
    expect(within(cadence).getByRole("link", { name: "change" })).toHaveAttribute("href", `/reports/${ADA.id}/edit`);
    unmount();

    // Weekly, and the last one was ten days ago: overdue.
    const late = openTab({ ...OO_ONES, lastMeeting: ooDay(-10) }, {}, { ...ADA, oneOnOneEveryDays: 7 });
    const overdue = within(await nextCard()).getByTestId("cadence");
    expect(overdue).toHaveTextContent(`1:1s weekly · was due by ${dayDate(ooDay(-3))}`);
    late.unmount();

    // A 1:1 planned within the cadence: nothing more to say.
    openTab(ooOnesWithNext(3));
    expect(within(await nextCard()).getByTestId("cadence")).toHaveTextContent(/^1:1s every two weeks · change$/);
  });

  it("plans a 1:1 on a later date, and keeps the date when the core refuses a second one that day", async () => {
    const createMeeting = vi.fn<Commands["createMeeting"]>(() =>
      Promise.resolve(invalid("The 1:1 has 1 problem.", { heldOn: `There is already a 1:1 with Ada Lovelace on ${formatDate(ooDay(3))}.` })),
    );
    const app = openTab(OO_ONES, { createMeeting });
    const next = await nextCard();
    const date = getByLabel("Date of the 1:1", next);
    expect(within(next).getByRole("button", { name: "Hold 1:1" })).toBeEnabled();

    await app.user.clear(date);
    await app.user.type(date, ooDay(3));
    await app.user.click(within(next).getByRole("button", { name: "Plan 1:1" }));

    expect(createMeeting).toHaveBeenCalledWith(ADA.id, { heldOn: ooDay(3) });
    expect(await within(next).findByTestId("error-heldOn")).toHaveTextContent(`There is already a 1:1 with Ada Lovelace on ${formatDate(ooDay(3))}.`);
    expect(date).toHaveValue(ooDay(3));
    expect(date).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the next 1:1's agenda with carried counts, open actions, and every 1:1 newest first with outcomes", async () => {
    openTab(OO_ONES);
    const next = await nextCard();

    // The next 1:1 carries the open agenda, oldest first.
    const agenda = within(within(next).getByRole("list", { name: "Agenda for the next 1:1" })).getAllByRole("listitem");
    expect(agenda.map((i) => i.getAttribute("data-testid"))).toEqual(["agenda-ag-scope", "agenda-ag-packet"]);
    expect(within(agenda[0]!).getByTestId("carried")).toHaveTextContent("carried ×2");
    expect(within(agenda[0]!).getByTestId("visibility")).toHaveTextContent("Shared");
    expect(within(agenda[1]!).queryByTestId("carried")).not.toBeInTheDocument();
    expect(within(agenda[1]!).getByTestId("visibility")).toHaveTextContent("Private");

    // Open actions: theirs overdue in red, mine due in five days.
    const numbers = row(next, "action-ac-numbers");
    expect(numbers).toHaveAttribute("data-overdue", "true");
    expect(within(numbers).getByTestId("owner")).toHaveTextContent("Them");
    expect(within(numbers).getByTestId("overdue")).toHaveTextContent("Overdue: due");
    const slot = row(next, "action-ac-slot");
    expect(slot).not.toHaveAttribute("data-overdue");
    expect(within(slot).getByTestId("owner")).toHaveTextContent("Me");
    expect(within(slot).getByTestId("due-on")).toBeInTheDocument();

    const cards = screen.getAllByRole("article");
    expect(cards.map((c) => within(c).getByRole("heading", { level: 4 }).textContent)).toEqual([ooDay(-7), ooDay(-14), ooDay(-28)].map(dayDate));
    expect(screen.getByTestId("meetings-summary")).toHaveTextContent("3 held · newest first");

    const last = await meeting("mt-3");
    const scope = row(last, "agenda-ag-scope");
    expect(within(scope).getByTestId("outcome")).toHaveTextContent("Open");
    expect(within(scope).getByTestId("carried")).toHaveTextContent("carried ×1");
    const sponsor = row(last, "agenda-ag-sponsor");
    expect(within(sponsor).getByTestId("outcome")).toHaveTextContent("Done");
    expect(within(sponsor).getByRole("link", { name: "Evidence: Ledger migration" })).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);

    const middle = await meeting("mt-2");
    expect(within(row(middle, "agenda-ag-oncall")).getByTestId("outcome")).toHaveTextContent("Dropped");
    expect(within(row(middle, "agenda-ag-oncall")).getByTestId("carried")).toHaveTextContent("carried ×1");
    expect(within(row(middle, "agenda-ag-scope")).getByTestId("outcome")).toHaveTextContent("Carried over");
    expect(within(row(middle, "agenda-ag-scope")).queryByTestId("carried")).not.toBeInTheDocument();
    // Earlier 1:1s are the record: items are closed in the latest one, or from the next 1:1's list.
    expect(within(row(middle, "agenda-ag-scope")).queryByRole("button", { name: /^Done/ })).not.toBeInTheDocument();
    // Struck through around its (Markdown) text.
    const dropped = within(row(middle, "agenda-ag-oncall")).getByText("Hand the on-call rota over to the platform team");
    expect(dropped.closest("[data-markdown]")?.parentElement).toHaveStyle({ textDecoration: "line-through" });
    expect(within(row(middle, "action-ac-rubric")).getByRole("checkbox", { name: /^Done: Share the calibration rubric/ })).toBeChecked();

    // Notes say whether they are private, and link to what was made from them.
    const seen = row(last, "note-n-seen");
    expect(within(seen).getByTestId("visibility")).toHaveTextContent("Private");
    expect(seen).toHaveTextContent("Agreed she demos it at the platform review.");
    const bob = row(last, "note-n-bob");
    expect(within(bob).getByTestId("visibility")).toHaveTextContent("Shared");
    expect(within(bob).getByRole("link", { name: "Feedback: Bob Kahn, 2024-11-05" })).toHaveAttribute("href", `/reports/${ADA.id}/mentorship`);
  });

  it("shows a planned 1:1 as the next one, marked planned", async () => {
    openTab(ooOnesWithNext(1));
    const next = await nextCard();
    expect(within(next).getByTestId("next-date")).toHaveTextContent(`${dayDate(ooDay(1))}tomorrow`);
    const planned = await meeting("mt-next");
    expect(within(planned).getByTestId("planned")).toHaveTextContent("planned");
    // Items on a planned 1:1 are closed in the 1:1 itself, not ahead of it.
    expect(within(row(planned, "agenda-ag-scope")).queryByRole("button", { name: /^Done/ })).not.toBeInTheDocument();
    expect(within(row(planned, "agenda-ag-scope")).getByTestId("carried")).toHaveTextContent("carried ×2");
  });

  it("adds agenda items for the next 1:1 with Enter, private unless shared", async () => {
    const added = { ...OO_AGENDA_PACKET, id: "ag-new", text: "Feedback from the platform review" };
    const addAgendaItem = vi.fn<Commands["addAgendaItem"]>(() =>
      Promise.resolve(ok(withOnes({ openAgenda: [...OO_ONES.openAgenda, added] }))),
    );
    const app = openTab(OO_ONES, { addAgendaItem });
    const next = await nextCard();

    await app.user.type(getByLabel("Add to agenda", next), "Feedback from the platform review{Enter}");

    expect(addAgendaItem).toHaveBeenCalledWith(ADA.id, null, { text: "Feedback from the platform review", shared: false });
    expect(await within(next).findByTestId("agenda-ag-new")).toHaveTextContent("Feedback from the platform review");
    await waitFor(() => expect(getByLabel("Add to agenda", next)).toHaveValue(""));
    expect(getByLabel("Add to agenda", next)).toHaveFocus();

    await app.user.click(within(next).getByRole("checkbox", { name: "Shared with Ada" }));
    await app.user.type(getByLabel("Add to agenda", next), "Her goals for next quarter{Enter}");
    expect(addAgendaItem).toHaveBeenLastCalledWith(ADA.id, null, { text: "Her goals for next quarter", shared: true });

    // The "+" button beside the field adds it too.
    await waitFor(() => expect(getByLabel("Add to agenda", next)).toHaveValue(""));
    await app.user.type(getByLabel("Add to agenda", next), "Conference budget");
    await app.user.click(within(next).getByRole("button", { name: "Add the agenda item" }));
    await waitFor(() => expect(addAgendaItem).toHaveBeenCalledTimes(3));
    expect(addAgendaItem).toHaveBeenLastCalledWith(ADA.id, null, { text: "Conference budget", shared: false });
  });

  it("keeps a rejected agenda item as typed, with the core's complaint at the field", async () => {
    const message = "The agenda item is too long: at most 500 characters.";
    const addAgendaItem = vi.fn<Commands["addAgendaItem"]>(() => Promise.resolve(invalid("The agenda item has 1 problem.", { text: message })));
    const app = openTab(OO_ONES, { addAgendaItem });
    const next = await nextCard();

    await app.user.type(getByLabel("Add to agenda", next), "Everything about the reorg{Enter}");

    expect(await within(next).findByTestId("error-text")).toHaveTextContent(message);
    expect(getByLabel("Add to agenda", next)).toHaveValue("Everything about the reorg");
    await waitFor(() => expect(getByLabel("Add to agenda", next)).toHaveFocus());
    expect(getByLabel("Add to agenda", next)).toHaveAttribute("aria-invalid", "true");
  });

  it("marks an agenda item done in the 1:1 it was on, and drops one outside a 1:1", async () => {
    const setAgendaStatus = vi.fn<Commands["setAgendaStatus"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openTab(OO_ONES, { setAgendaStatus });

    const last = await meeting("mt-3");
    await app.user.click(within(row(last, "agenda-ag-scope")).getByRole("button", { name: /^Done: Is the ledger migration/ }));
    expect(setAgendaStatus).toHaveBeenCalledWith("ag-scope", 3, "done", "mt-3");

    // From the next 1:1's list, with no 1:1 today: done or dropped outside a 1:1.
    const next = await nextCard();
    await app.user.click(within(row(next, "agenda-ag-packet")).getByRole("button", { name: /^Drop: Promotion packet/ }));
    expect(setAgendaStatus).toHaveBeenLastCalledWith("ag-packet", 1, "dropped", null);

    // A closed item can be opened again.
    await app.user.click(within(row(last, "agenda-ag-sponsor")).getByRole("button", { name: /^Reopen: Ask Omar/ }));
    expect(setAgendaStatus).toHaveBeenLastCalledWith("ag-sponsor", 4, "open", null);
  });

  it("adds notes, private by default and shared when unticked", async () => {
    const addNote = vi.fn<Commands["addNote"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openTab(OO_ONES, { addNote });
    const last = await meeting("mt-3");
    const box = () => within(last).getByRole("textbox", { name: "Add a note" });
    expect(within(last).getByRole("checkbox", { name: /^Private/ })).toBeChecked();

    await app.user.type(box(), "She wants more time on strategy.");
    await app.user.click(within(last).getByRole("button", { name: "Add note" }));
    expect(addNote).toHaveBeenCalledWith("mt-3", { body: "She wants more time on strategy.", private: true });

    await waitFor(() => expect(box()).toHaveValue(""));
    await app.user.click(within(last).getByRole("checkbox", { name: /^Private/ }));
    await app.user.type(box(), "Demo date agreed: next Thursday.");
    await app.user.keyboard("{Control>}{Enter}{/Control}");
    expect(addNote).toHaveBeenLastCalledWith("mt-3", { body: "Demo date agreed: next Thursday.", private: false });

    // Older 1:1s open their note box on request.
    const first = await meeting("mt-1");
    expect(within(first).queryByRole("textbox", { name: "Add a note" })).not.toBeInTheDocument();
    await app.user.click(within(first).getByRole("button", { name: `Add a note to the 1:1 on ${dayDate(ooDay(-28))}` }));
    expect(within(first).getByRole("textbox", { name: "Add a note" })).toBeInTheDocument();
  });

  it("keeps a rejected note as typed, with the core's complaint at the field", async () => {
    const addNote = vi.fn<Commands["addNote"]>(() =>
      Promise.resolve(invalid("The note has 1 problem.", { body: "The note is empty: write what was said or decided." })),
    );
    const app = openTab(OO_ONES, { addNote });
    const last = await meeting("mt-3");
    await app.user.type(within(last).getByRole("textbox", { name: "Add a note" }), "   ");
    await app.user.click(within(last).getByRole("button", { name: "Add note" }));
    expect(await within(last).findByTestId("error-body")).toHaveTextContent("The note is empty: write what was said or decided.");
    expect(within(last).getByRole("textbox", { name: "Add a note" })).toHaveValue("   ");
  });

  it("ticks an action item done with today's date, and unticks it", async () => {
    const updateActionItem = vi.fn<Commands["updateActionItem"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openTab(OO_ONES, { updateActionItem });
    const next = await nextCard();

    await app.user.click(within(row(next, "action-ac-slot")).getByRole("checkbox", { name: "Done: Book Ada a slot at the platform review" }));
    expect(updateActionItem).toHaveBeenCalledWith("ac-slot", 1, {
      text: OO_ACTION_SLOT.text,
      owner: "manager",
      dueOn: ooDay(5),
      doneOn: OO_TODAY,
    });

    const middle = await meeting("mt-2");
    await app.user.click(within(row(middle, "action-ac-rubric")).getByRole("checkbox", { name: /^Done: Share the calibration rubric/ }));
    expect(updateActionItem).toHaveBeenLastCalledWith("ac-rubric", 2, {
      text: "Share the calibration rubric with Ada",
      owner: "manager",
      dueOn: ooDay(-12),
      doneOn: "",
    });
  });

  it("adds an action item to a 1:1 with its owner and due date", async () => {
    const addActionItem = vi.fn<Commands["addActionItem"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openTab(OO_ONES, { addActionItem });
    const last = await meeting("mt-3");

    await app.user.click(within(last).getByRole("button", { name: "Add action item" }));
    const form = within(last).getByRole("form", { name: "Add an action item" });
    await app.user.type(getByLabel("Action item", form), "Send the demo invite");
    await app.user.selectOptions(getByLabel("Owner", form), "Them");
    await app.user.type(getByLabel("Due on", form), ooDay(2));
    await app.user.click(within(form).getByRole("button", { name: "Add action item" }));

    expect(addActionItem).toHaveBeenCalledWith(ADA.id, "mt-3", { text: "Send the demo invite", owner: "report", dueOn: ooDay(2), doneOn: "" });
  });

  it("gives focus back to an item's button when its menu or its delete question is closed from the keyboard", async () => {
    const app = openTab(OO_ONES);
    const last = await meeting("mt-3");
    const more = within(row(last, "note-n-seen")).getByRole("button", { name: /^More for the note “Ada worries/ });
    more.focus();
    await app.user.keyboard("{Enter}");
    expect(await screen.findByRole("menuitem", { name: "Make evidence…" })).toBeInTheDocument();
    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("menuitem", { name: "Make evidence…" })).not.toBeInTheDocument());
    // The menu's button (built when first opened) has the focus, not the page.
    await waitFor(() => expect(within(row(last, "note-n-seen")).getByRole("button", { name: /^More for the note “Ada worries/ })).toHaveFocus());

    const remove = within(row(last, "note-n-seen")).getByRole("button", { name: /^Delete the note “Ada worries/ });
    remove.focus();
    await app.user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog", { name: /^Delete the note/ })).toBeInTheDocument();
    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: /^Delete the note/ })).not.toBeInTheDocument());
    await waitFor(() => expect(remove).toHaveFocus());
  });

  it("makes evidence from a note, prefilled from it, and sends the note as its source", async () => {
    const evidenceFromOneOnOne = vi.fn<Commands["evidenceFromOneOnOne"]>((_, draft) =>
      Promise.resolve(ok({ ...EV_LEDGER, id: "e-demo", title: draft.title })),
    );
    const app = openTab(OO_ONES, { evidenceFromOneOnOne });
    const last = await meeting("mt-3");

    await app.user.click(within(row(last, "note-n-seen")).getByRole("button", { name: /^More for the note “Ada worries/ }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Make evidence…" }));

    const dialog = await screen.findByRole("dialog", { name: "Make evidence from a 1:1" });
    // The note is private: making it evidence says the text becomes shareable, before saving.
    expect(OO_NOTE_SEEN.private).toBe(true);
    expect(within(dialog).getByTestId("private-source-warning")).toHaveTextContent(
      "It was kept for your eyes only. As evidence it can be shared: it may appear in the committee brief, a packet draft and exports. Edit out what should stay private before saving.",
    );
    const form = within(dialog).getByRole("form", { name: "Make evidence" });
    const firstLine = "Ada worries the ledger work won't read as staff-level: nobody outside Payments has seen it.";
    expect(getByLabel("Title", form)).toHaveValue(firstLine);
    expect(getByLabel("Description", form)).toHaveValue(OO_NOTE_SEEN.body);
    expect(getByLabel("Started on", form)).toHaveValue(OO_MEETING_LAST.heldOn);

    await app.user.selectOptions(getByLabel("Kind", form), "Project");
    await app.user.selectOptions(getByLabel("Their role", form), "Led");
    await app.user.click(within(form).getByRole("button", { name: "Add evidence" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(evidenceFromOneOnOne).toHaveBeenCalledWith({ kind: "note", id: "n-seen" }, {
      title: firstLine,
      description: OO_NOTE_SEEN.body,
      startedOn: OO_MEETING_LAST.heldOn,
      endedOn: "",
      kind: "project",
      role: "led",
      coOwnerIds: [],
      impact: "",
      links: [],
      inProductionSince: "",
      archetype: null,
      workMix: "untagged",
      flagship: false,
    } satisfies EvidenceDraft);
    expect(await screen.findByText(/Added “.+” to Ada Lovelace's evidence\./)).toBeInTheDocument();
  });

  it("keeps the evidence form as filled in when the core rejects it", async () => {
    const evidenceFromOneOnOne = vi.fn<Commands["evidenceFromOneOnOne"]>(() =>
      Promise.resolve(invalid("The evidence has 1 problem.", { kind: "Choose the kind of work." })),
    );
    const app = openTab(OO_ONES, { evidenceFromOneOnOne });
    const next = await nextCard();

    await app.user.click(within(row(next, "action-ac-slot")).getByRole("button", { name: /^More for the action item/ }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Make evidence…" }));
    const form = await screen.findByRole("form", { name: "Make evidence" });
    await app.user.clear(getByLabel("Title", form));
    await app.user.type(getByLabel("Title", form), "Platform review demo");
    await app.user.click(within(form).getByRole("button", { name: "Add evidence" }));

    expect(await within(form).findByTestId("error-kind")).toHaveTextContent("Choose the kind of work.");
    expect(getByLabel("Title", form)).toHaveValue("Platform review demo");
    expect(evidenceFromOneOnOne.mock.calls[0]?.[0]).toEqual({ kind: "action_item", id: "ac-slot" });
    expect(screen.getByRole("dialog", { name: "Make evidence from a 1:1" })).toBeInTheDocument();
  });

  it("makes a mentee's feedback from a note, for the mentee chosen", async () => {
    const feedbackFromOneOnOne = vi.fn<Commands["feedbackFromOneOnOne"]>(() => Promise.resolve(ok(MS_MENTORSHIP_BOB)));
    const app = openTab(OO_ONES, {
      feedbackFromOneOnOne,
      listMentorships: () => Promise.resolve(ok([MS_MENTORSHIP_CAROL, MS_MENTORSHIP_BOB])),
    });
    const last = await meeting("mt-3");

    await app.user.click(within(row(last, "note-n-bob")).getByRole("button", { name: /^More for the note “Bob says/ }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Make mentee feedback…" }));
    const dialog = await screen.findByRole("dialog", { name: "Make mentee feedback from a 1:1" });

    // Bob is the one current mentee: chosen already; Carol's mentorship ended.
    const mentee = await within(dialog).findByRole("combobox", { name: "Whose mentoring is it about?" });
    expect(mentee).toHaveDisplayValue("Bob Kahn");
    const form = within(dialog).getByRole("form", { name: "Feedback from Bob Kahn" });
    expect(getByLabel("Their words", form)).toHaveValue("Bob says the design-review pairing with Ada is the most useful hour of his week.");
    expect(getByLabel("Received on", form)).toHaveValue(OO_MEETING_LAST.heldOn);

    await app.user.selectOptions(getByLabel("Source", form), "The mentee's manager");
    await app.user.selectOptions(getByLabel("Sentiment", form), "Positive");
    await app.user.click(within(form).getByRole("button", { name: "Add feedback" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(feedbackFromOneOnOne).toHaveBeenCalledWith({ kind: "note", id: "n-bob" }, "m-bob", {
      receivedOn: OO_MEETING_LAST.heldOn,
      source: "mentee_manager",
      sentiment: "positive",
      words: "Bob says the design-review pairing with Ada is the most useful hour of his week.",
      quotable: false,
      addressedOn: "",
      addressedAction: "",
    } satisfies FeedbackDraft);
  });

  it("says where to add a mentee when there is none to give feedback about", async () => {
    const app = openTab(OO_ONES);
    const last = await meeting("mt-3");
    await app.user.click(within(row(last, "note-n-bob")).getByRole("button", { name: /^More for the note “Bob says/ }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Make mentee feedback…" }));
    const dialog = await screen.findByRole("dialog", { name: "Make mentee feedback from a 1:1" });
    expect(await within(dialog).findByTestId("no-mentees")).toHaveTextContent("No mentees are recorded for Ada Lovelace.");
    expect(within(dialog).getByRole("link", { name: "Mentorship tab" })).toHaveAttribute("href", `/reports/${ADA.id}/mentorship`);
  });

  it("opens what was made from an item in its own tab", async () => {
    const app = openTab(OO_ONES, { listEvidence: () => Promise.resolve(ok([EV_LEDGER])) });
    const last = await meeting("mt-3");
    await app.user.click(within(row(last, "note-n-seen")).getByRole("link", { name: "Evidence: Ledger migration" }));
    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/evidence`));
    const card = await screen.findByRole("article", { name: "Ledger migration" });
    await waitFor(() => expect(card).toHaveFocus());
  });

  it("edits a note, sending it whole with its version", async () => {
    const updateNote = vi.fn<Commands["updateNote"]>(() => Promise.resolve(ok(OO_ONES)));
    const app = openTab(OO_ONES, { updateNote });
    const last = await meeting("mt-3");
    await app.user.click(within(row(last, "note-n-bob")).getByRole("button", { name: /^More for the note “Bob says/ }));
    await app.user.click(await screen.findByRole("menuitem", { name: "Edit" }));
    const form = within(last).getByRole("form", { name: "Edit the note" });
    await app.user.click(within(form).getByRole("checkbox", { name: /^Private/ }));
    await app.user.click(within(form).getByRole("button", { name: "Save note" }));
    expect(updateNote).toHaveBeenCalledWith("n-bob", 1, {
      body: "Bob says the design-review pairing with Ada is the most useful hour of his week.",
      private: true,
    });
    await waitFor(() => expect(within(last).queryByRole("form", { name: "Edit the note" })).not.toBeInTheDocument());
  });

  it("deletes notes, agenda items, action items and 1:1s through confirm-and-undo", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const app = openTab(OO_ONES, { deleteRecord });
    const last = await meeting("mt-3");
    const remove = async (name: RegExp | string) => {
      await app.user.click(within(last).getByRole("button", { name }));
      await app.user.click(await screen.findByTestId("confirm-delete"));
      await waitFor(() => expect(screen.queryByTestId("confirm-delete")).not.toBeInTheDocument());
    };
    await remove(/^Delete the note “Bob says/);
    expect(deleteRecord).toHaveBeenLastCalledWith("note", "n-bob");
    await remove(/^Delete the agenda item “Ask Omar/);
    expect(deleteRecord).toHaveBeenLastCalledWith("agenda_item", "ag-sponsor");
    await remove(`Delete the 1:1 on ${dayDate(ooDay(-7))}`);
    expect(deleteRecord).toHaveBeenLastCalledWith("meeting", "mt-3");
    expect(await screen.findAllByTestId("undo-delete")).toHaveLength(3);
  });

  it("is read-only for an archived report", async () => {
    openTab(OO_ONES, {}, { ...ADA, archivedAt: "2026-03-01T09:00:00Z" });
    const next = await nextCard();
    expect(screen.getByTestId("one-on-ones-read-only")).toHaveTextContent("Ada Lovelace is archived");
    expect(within(next).queryByRole("button", { name: "Hold 1:1" })).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Add to agenda" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Delete/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^More for/ })).not.toBeInTheDocument();
    expect(within(row(next, "action-ac-slot")).getByRole("checkbox")).toBeDisabled();
  });
});
