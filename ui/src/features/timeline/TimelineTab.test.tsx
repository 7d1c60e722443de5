import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { TimelineEntry } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import { ADA, EV_LEDGER, EV_ONCALL, MS_MENTORSHIP_BOB, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

/** Ada's timeline as the core returns it: newest first. */
const ENTRIES: TimelineEntry[] = [
  {
    date: "2025-02-10",
    kind: "feedback",
    recordKind: "mentorship",
    recordId: "m-bob",
    title: "Negative feedback from Bob Kahn",
    detail: "Our sessions keep getting cancelled.",
  },
  { date: "2025-02-01", kind: "mandate_set", recordKind: "mandate", recordId: "md-1", title: "Mandate: Ledger reliability", detail: "Q1 priority" },
  { date: "2024-10-15", kind: "seen", recordKind: "evidence", recordId: "e-ledger", title: "Margaret Hamilton saw Ledger migration", detail: "Q3 review" },
  { date: "2024-10-01", kind: "in_production", recordKind: "evidence", recordId: "e-ledger", title: "In production: Ledger migration", detail: "" },
  { date: "2024-10-01", kind: "advocate_checked", recordKind: "advocate", recordId: "a-1", title: "Support checked with Grace", detail: "" },
  { date: "2024-02-01", kind: "evidence_started", recordKind: "evidence", recordId: "e-ledger", title: "Ledger migration", detail: "Month-end close from 5 days to 1" },
  { date: "2023-03-01", kind: "role_started", recordKind: "report", recordId: ADA.id, title: "Started as Staff", detail: "Payments" },
];

function openTimeline(entries: TimelineEntry[] = ENTRIES, overrides: CommandOverrides = {}) {
  return renderApp(`/reports/${ADA.id}/timeline`, {
    getReport: () => Promise.resolve(ok(ADA)),
    reportTimeline: () => Promise.resolve(ok(entries)),
    listMentorships: () => Promise.resolve(ok([MS_MENTORSHIP_BOB])),
    ...overrides,
  });
}

const entryLink = (title: string) => screen.findByRole("link", { name: new RegExp(title) });

describe("TimelineTab", () => {
  it("says what will appear when nothing is dated yet", async () => {
    openTimeline([]);

    expect(await screen.findByTestId("timeline-empty")).toHaveTextContent("Nothing else dated yet");
  });

  it("with only the role's start, lists it and leads to the mandate and the evidence", async () => {
    const role = ENTRIES[ENTRIES.length - 1]!;
    openTimeline([role]);

    expect(await screen.findByTestId("timeline")).toHaveTextContent("Started as Staff");
    const empty = screen.getByTestId("timeline-empty");
    expect(empty).toHaveTextContent("Set Ada Lovelace's mandate or add their evidence");
    expect(within(empty).getByRole("link", { name: "Set the mandate" })).toHaveAttribute("href", `/reports/${ADA.id}/overview`);
    expect(within(empty).getByRole("link", { name: "Add evidence" })).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);
  });

  it("shows every entry newest first, by year and month, with date, kind, title and detail", async () => {
    const app = openTimeline();

    const timeline = await screen.findByTestId("timeline");
    expect(app.commands.reportTimeline).toHaveBeenCalledWith(ADA.id, []);
    expect(within(timeline).getAllByRole("heading", { level: 5 }).map((h) => h.textContent)).toEqual([
      "February 2025",
      "October 2024",
      "February 2024",
      "March 2023",
    ]);
    expect(within(timeline).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["2025", "2024", "2023"]);
    const october = within(timeline).getByRole("region", { name: "October 2024" });
    const links = within(october).getAllByRole("link");
    expect(links).toHaveLength(3);
    expect(links[0]).toHaveTextContent("15 OctSeen byMargaret Hamilton saw Ledger migrationQ3 review");
    expect(links[1]).toHaveTextContent("1 OctIn productionIn production: Ledger migration");
    expect(within(links[0]!).getByText("15 Oct").closest("time")).toHaveAttribute("datetime", "2024-10-15");
  });

  it("marks the flagship where its work started", async () => {
    openTimeline(ENTRIES, { listEvidence: () => Promise.resolve(ok([EV_LEDGER, EV_ONCALL])) });

    const entries = await screen.findAllByTestId("timeline-entry");
    const started = entries.find((e) => e.textContent?.startsWith("1 FebEvidenceLedger migration"));
    await waitFor(() => expect(within(started!).getByTestId("flagship")).toHaveTextContent("Flagship"));
    // Only once: not on every later entry about it.
    expect(screen.getAllByTestId("flagship")).toHaveLength(1);
  });

  it("filters by the chosen kinds, asking the core for exactly those", async () => {
    const reportTimeline = vi.fn<Commands["reportTimeline"]>((_, kinds) =>
      Promise.resolve(ok(kinds.length ? ENTRIES.filter((e) => kinds.includes(e.kind)) : ENTRIES)),
    );
    const app = openTimeline(ENTRIES, { reportTimeline });
    await screen.findByTestId("timeline");

    await app.user.click(screen.getByRole("checkbox", { name: "Mentee feedback" }));
    await app.user.click(screen.getByRole("checkbox", { name: "Evidence" }));

    await waitFor(() => expect(reportTimeline).toHaveBeenLastCalledWith(ADA.id, ["evidence_started", "feedback"]));
    await waitFor(() => expect(screen.getAllByTestId("timeline-entry")).toHaveLength(2));
    expect(screen.getByRole("checkbox", { name: "Mentee feedback" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Mandate set" })).not.toBeChecked();

    await app.user.click(screen.getByRole("button", { name: "Show everything" }));
    await waitFor(() => expect(screen.getAllByTestId("timeline-entry")).toHaveLength(ENTRIES.length));
    expect(screen.getByRole("checkbox", { name: "Mentee feedback" })).not.toBeChecked();
  });

  it("says so when nothing of the chosen kinds happened", async () => {
    const reportTimeline = vi.fn<Commands["reportTimeline"]>((_, kinds) => Promise.resolve(ok(kinds.length ? [] : ENTRIES)));
    const app = openTimeline(ENTRIES, { reportTimeline });
    await screen.findByTestId("timeline");

    await app.user.click(screen.getByRole("checkbox", { name: "Mentoring ended" }));

    expect(await screen.findByText("Nothing of these kinds")).toBeInTheDocument();
  });

  it.each([
    ["^1 Feb.*Ledger migration", `/reports/${ADA.id}/evidence`],
    ["Margaret Hamilton saw", `/reports/${ADA.id}/evidence`],
    ["Mandate: Ledger reliability", `/reports/${ADA.id}`],
    ["Support checked with Grace", `/reports/${ADA.id}/advocates`],
    ["Started as Staff", `/reports/${ADA.id}`],
    ["Negative feedback from Bob", `/reports/${ADA.id}/mentorship`],
  ])("opens %s at %s", async (title, path) => {
    const app = openTimeline();

    await app.user.click(await entryLink(title));

    expect(app.path()).toBe(path);
  });

  it("is usable from the keyboard and brings the opened record into view", async () => {
    const app = openTimeline();

    const link = await entryLink("Negative feedback from Bob");
    link.focus();
    await app.user.keyboard("{Enter}");

    expect(app.path()).toBe(`/reports/${ADA.id}/mentorship`);
    const card = await screen.findByTestId("mentorship-m-bob");
    expect(card).toHaveAttribute("data-focused", "true");
    await waitFor(() => expect(card).toHaveFocus());
  });
});
