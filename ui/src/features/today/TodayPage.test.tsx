import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Signal, Today } from "../../bindings";
import { ADA, GRACE, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function signal(over: Partial<Signal>): Signal {
  return {
    rule: "packet.no_draft",
    severity: "high",
    reportId: ADA.id,
    reportName: ADA.name,
    message: "No packet draft 4 months before calibration (15 Mar 2027).",
    causes: [],
    action: "Start the packet.",
    since: "2026-11-14",
    leadTimeDays: 121,
    causeKey: "k",
    ack: null,
    ...over,
  };
}

const TODAY: Today = {
  asOf: "2026-11-15",
  previousVisit: "2026-11-12",
  oneOnOnes: [
    { reportId: GRACE.id, reportName: GRACE.name, on: "2026-11-16", planned: true },
    { reportId: ADA.id, reportName: ADA.name, on: "2026-11-18", planned: false },
  ],
  newSignals: [signal({})],
  standingHigh: [
    signal({
      rule: "mentorship.negative_unaddressed",
      causeKey: "f",
      message: "Negative feedback from Bob Stone (2 Sep 2026) not addressed.",
      since: "2026-09-02",
    }),
  ],
  overdueActions: [
    { reportId: ADA.id, reportName: ADA.name, actionId: "a-1", text: "Send the RFC to the skip-level", owner: "manager", dueOn: "2026-11-10" },
  ],
  mandateReviews: [],
  deadlines: [{ cycleId: "cy-1", name: "Spring calibration", packetDue: "2027-01-10", calibrationDate: "2027-02-10", candidates: 2, withoutPacket: 1 }],
  roster: [
    {
      reportId: ADA.id,
      reportName: ADA.name,
      high: 2,
      medium: 1,
      low: 0,
      readiness: "undecided",
      nextOneOnOne: { reportId: ADA.id, reportName: ADA.name, on: "2026-11-18", planned: false },
    },
    { reportId: GRACE.id, reportName: GRACE.name, high: 0, medium: 0, low: 0, readiness: null, nextOneOnOne: null },
  ],
};

describe("TodayPage", () => {
  it("is the first screen: the next 1:1s with their prep, new and standing risks, overdue actions, deadlines, everyone at a glance", async () => {
    const app = renderApp("/", { getToday: () => Promise.resolve(ok(TODAY)) });

    expect(await screen.findByTestId("today-date")).toHaveTextContent("15 Nov 2026 · new since your last visit on 12 Nov 2026");
    const next = screen.getByTestId("today-one-on-ones");
    expect(next).toHaveTextContent("Grace Hopper tomorrow (16 Nov 2026)");
    expect(next).toHaveTextContent("Ada Lovelace due in 3 days, none planned");
    const news = screen.getByTestId("today-new-signals");
    expect(within(news).getByRole("heading")).toHaveTextContent("New since your last visit");
    expect(news).toHaveTextContent("High");
    expect(news).toHaveTextContent("Ada Lovelace: No packet draft 4 months before calibration (15 Mar 2027). since 14 Nov 2026 (yesterday)");
    expect(news).not.toHaveTextContent("packet.no_draft");
    expect(screen.getByTestId("today-standing")).toHaveTextContent("Negative feedback from Bob Stone (2 Sep 2026) not addressed.");
    expect(screen.getByTestId("today-actions")).toHaveTextContent("Send the RFC to the skip-level — yours, due 10 Nov 2026 (5 days ago)");
    expect(screen.getByTestId("today-mandates")).toHaveTextContent("No mandate review due in the next month.");
    expect(screen.getByTestId("today-deadlines")).toHaveTextContent("packets due 10 Jan 2027 (in 8 weeks), 1 of 2 candidates without a draft");

    expect(within(screen.getByTestId("glance")).getByRole("img", { name: "2 high, 1 medium" })).toBeInTheDocument();
    expect(screen.getAllByTestId("glance-row").map((r) => r.textContent)).toEqual([
      "Ada Lovelace21Undecideddue in 3 days, none planned",
      "Grace HopperNone openNot a candidate—",
    ]);

    const [gracePrep] = within(next).getAllByRole("link", { name: "Open prep" });
    if (!gracePrep) throw new Error("no prep link");
    await app.user.click(gracePrep);
    expect(app.path()).toBe(`/reports/${GRACE.id}/prep`);
  });

  it("shows each card's first five lines, readable at a glance, and all of them when asked", async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      signal({ causeKey: `k${i}`, message: `Risk number ${i + 1}.`, since: "2026-09-02" }),
    );
    const app = renderApp("/", { getToday: () => Promise.resolve(ok({ ...TODAY, standingHigh: many })) });

    const standing = await screen.findByTestId("today-standing");
    expect(within(standing).getAllByRole("listitem")).toHaveLength(5);
    expect(standing).toHaveTextContent("Risk number 5.");
    expect(standing).not.toHaveTextContent("Risk number 6.");
    const more = within(standing).getByRole("button", { name: "Show all 12" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await app.user.click(more);
    expect(within(standing).getAllByRole("listitem")).toHaveLength(12);
    expect(standing).toHaveTextContent("Risk number 12.");
    await app.user.click(within(standing).getByRole("button", { name: "Show fewer" }));
    expect(within(standing).getAllByRole("listitem")).toHaveLength(5);
    // A card with five or fewer lines has nothing more to show.
    expect(within(screen.getByTestId("today-one-on-ones")).queryByRole("button", { name: /Show all/ })).toBeNull();
  });

  it("welcomes the manager when there are no reports (see Welcome.test.tsx)", async () => {
    renderApp("/", {});
    expect(await screen.findByTestId("welcome")).toHaveTextContent("Welcome to Trellis");
    expect(screen.getByTestId("add-report")).toBeInTheDocument();
  });
});
