import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { CalendarChoice, CalendarPreview, InvitationPreview } from "../../bindings";
import { ADA, GRACE, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const FILE = { name: "ada-weekly.ics", text: "BEGIN:VCALENDAR…" };

function invitation(over: Partial<InvitationPreview>): InvitationPreview {
  return {
    uid: "series-1",
    title: "Ada / Sam 1:1",
    attendees: ["Sam Manager", "Ada Lovelace"],
    repeats: true,
    report: { id: ADA.id, name: ADA.name },
    matched: true,
    toPlan: ["2027-01-04", "2027-01-27"],
    alreadyPlanned: ["2027-01-11"],
    cancelled: ["2027-01-18"],
    cancelledButPlanned: [],
    unknownZones: [],
    problem: null,
    ...over,
  };
}

/** The preview the core would give for these choices: Ada's series, or Grace's, or skipped. */
function previewFor(_text: string, choices: CalendarChoice[]): CalendarPreview {
  const choice = choices.find((c) => c.uid === "series-1");
  const report = choice === undefined ? { id: ADA.id, name: ADA.name } : choice.reportId === GRACE.id ? { id: GRACE.id, name: GRACE.name } : null;
  return {
    from: "2027-01-04",
    until: "2027-04-05",
    invitations: [
      invitation({
        report,
        matched: choice === undefined,
        alreadyPlanned: report?.id === ADA.id ? ["2027-01-11"] : [],
        toPlan: report?.id === ADA.id ? ["2027-01-04", "2027-01-27"] : ["2027-01-04", "2027-01-11", "2027-01-27"],
      }),
    ],
  };
}

describe("CalendarImport", () => {
  it("previews the 1:1s a calendar file plans, in human dates, lets the manager change the report, and plans them", async () => {
    const app = renderApp(`/reports/${ADA.id}/one-on-ones`, {
      getReport: () => Promise.resolve(ok(ADA)),
      listReports: () => Promise.resolve(ok([ADA, GRACE])),
      openCalendarFile: () => Promise.resolve(ok(FILE)),
      previewCalendar: (text, choices) => Promise.resolve(ok(previewFor(text, choices))),
      importCalendar: () => Promise.resolve(ok({ planned: 3, alreadyPlanned: 0, reports: [GRACE.name] })),
    });
    await app.user.click(await screen.findByRole("button", { name: "Import from a calendar file…" }));
    const dialog = await screen.findByRole("dialog", { name: "Plan 1:1s from ada-weekly.ics" });
    expect(dialog).toHaveTextContent("The next quarter, 4 Jan 2027 to 5 Apr 2027.");
    const card = await within(dialog).findByTestId("calendar-invitation");
    expect(card).toHaveTextContent("Ada / Sam 1:1");
    expect(card).toHaveTextContent("Recurring series");
    expect(card).toHaveTextContent("With Sam Manager, Ada Lovelace");
    expect(card).toHaveTextContent("Found from the names on the invitation");
    expect(within(card).getByTestId("calendar-to-plan")).toHaveTextContent("New 1:1s to plan (2)4 Jan 202727 Jan 2027");
    expect(within(card).getByTestId("calendar-already")).toHaveTextContent("11 Jan 2027");
    expect(within(card).getByTestId("calendar-cancelled")).toHaveTextContent("Cancelled in the calendar (not planned)18 Jan 2027");
    expect(dialog).not.toHaveTextContent("2027-01");
    expect(within(dialog).getByRole("button", { name: "Plan 2 1:1s" })).toBeEnabled();

    // Someone else: the preview follows the choice.
    await app.user.click(within(card).getByRole("combobox", { name: "Plan 1:1s with" }));
    await app.user.click(await screen.findByRole("option", { name: GRACE.name }));
    await waitFor(() => expect(within(dialog).getByRole("button", { name: "Plan 3 1:1s" })).toBeEnabled());
    expect(app.commands.previewCalendar).toHaveBeenLastCalledWith(FILE.text, [{ uid: "series-1", reportId: GRACE.id }]);

    await app.user.click(within(dialog).getByRole("button", { name: "Plan 3 1:1s" }));
    expect(app.commands.importCalendar).toHaveBeenCalledWith(FILE.text, [{ uid: "series-1", reportId: GRACE.id }]);
    expect(await screen.findByText("Planned 3 1:1s with Grace Hopper.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("skipping an invitation plans nothing for it, and a file that is not a calendar says why", async () => {
    const app = renderApp(`/reports/${ADA.id}/one-on-ones`, {
      getReport: () => Promise.resolve(ok(ADA)),
      listReports: () => Promise.resolve(ok([ADA, GRACE])),
      openCalendarFile: () => Promise.resolve(ok(FILE)),
      previewCalendar: (text, choices) => Promise.resolve(ok(previewFor(text, choices))),
    });
    await app.user.click(await screen.findByRole("button", { name: "Import from a calendar file…" }));
    const dialog = await screen.findByRole("dialog");
    const card = await within(dialog).findByTestId("calendar-invitation");
    await app.user.click(within(card).getByRole("combobox", { name: "Plan 1:1s with" }));
    await app.user.click(await screen.findByRole("option", { name: "Nobody: skip this invitation" }));
    await waitFor(() => expect(within(dialog).getByRole("button", { name: "Nothing new to plan" })).toBeDisabled());
    expect(card).toHaveTextContent("3 meetings in the next quarter; nothing is planned while it is skipped.");
    await app.user.click(within(dialog).getByRole("button", { name: "Cancel" }));

    app.commands.previewCalendar.mockResolvedValue({
      status: "error",
      error: { kind: "validation", message: "This is not a calendar file: an .ics file starts with BEGIN:VCALENDAR.", fields: [{ field: "file", message: "…" }] },
    });
    await app.user.click(screen.getByRole("button", { name: "Import from a calendar file…" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This is not a calendar file");
  });

  it("an invitation that cannot be read is shown with its reason and plans nothing; the rest still plans", async () => {
    const app = renderApp(`/reports/${ADA.id}/one-on-ones`, {
      getReport: () => Promise.resolve(ok(ADA)),
      listReports: () => Promise.resolve(ok([ADA, GRACE])),
      openCalendarFile: () => Promise.resolve(ok(FILE)),
      previewCalendar: () =>
        Promise.resolve(
          ok({
            from: "2027-01-04",
            until: "2027-04-05",
            invitations: [
              invitation({}),
              invitation({
                uid: "lunch",
                title: "Team lunch",
                attendees: [],
                repeats: false,
                report: null,
                matched: false,
                toPlan: [],
                alreadyPlanned: [],
                cancelled: [],
                problem: "The meeting “Team lunch” has no start date (DTSTART).",
              }),
            ],
          }),
        ),
    });
    await app.user.click(await screen.findByRole("button", { name: "Import from a calendar file…" }));
    const dialog = await screen.findByRole("dialog");
    const cards = await within(dialog).findAllByTestId("calendar-invitation");
    const [, lunch] = cards;
    if (cards.length !== 2 || !lunch) throw new Error(`expected two invitations, got ${cards.length}`);
    const unread = within(lunch).getByTestId("calendar-unread");
    expect(unread).toHaveTextContent("Not read, so nothing is planned from it: The meeting “Team lunch” has no start date (DTSTART).");
    expect(within(lunch).queryByRole("combobox")).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Plan 2 1:1s" })).toBeEnabled();
  });
});
