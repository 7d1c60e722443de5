// Empty screens say what to do next, with the way to do it, across the app (a sample; each
// screen's own tests check its wording too).
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ADA, ok, quietGlance, todayWith } from "../test/fixtures";
import { renderApp } from "../test/render";

vi.mock("../bindings", async () => ({ commands: (await import("../test/commands")).commands }));

const ARCHIVED = { ...ADA, archivedAt: "2026-11-20T10:00:00Z" };

describe("Empty states", () => {
  it("give the title as a heading and the next step as its own sentence", async () => {
    renderApp("/cycles");
    const empty = await screen.findByTestId("cycles-empty");
    expect(within(empty).getByRole("heading", { name: "No cycles yet" })).toBeInTheDocument();
    expect(within(empty).getByTestId("cycles-empty-next")).toHaveTextContent(
      "Add the next promotion or calibration round, then put your candidates on it.",
    );
    expect(within(empty).getByRole("button", { name: "Add the next cycle" })).toBeEnabled();
  });

  it("on the timeline, lead to the mandate and the evidence, where the first dated records are made", async () => {
    const app = renderApp(`/reports/${ADA.id}/timeline`, { getReport: () => Promise.resolve(ok(ADA)) });

    const empty = await screen.findByTestId("timeline-empty");
    expect(within(empty).getByTestId("timeline-empty-next")).toHaveTextContent(
      "Set Ada Lovelace's mandate or add their evidence: it lands here, by date, as it is recorded.",
    );
    expect(within(empty).getByRole("link", { name: "Add evidence" })).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);
    await app.user.click(within(empty).getByRole("link", { name: "Set the mandate" }));
    expect(app.path()).toBe(`/reports/${ADA.id}/overview`);
  });

  it("offer no action an archived report cannot take", async () => {
    renderApp(`/reports/${ADA.id}/timeline`, { getReport: () => Promise.resolve(ok(ARCHIVED)) });
    const empty = await screen.findByTestId("timeline-empty");
    expect(within(empty).queryByRole("link")).toBeNull();
  });

  it("on the mentorship tab, hold the one Add a mentee, which opens the form", async () => {
    const app = renderApp(`/reports/${ADA.id}/mentorship`, { getReport: () => Promise.resolve(ok(ADA)) });

    const empty = await screen.findByTestId("mentorship-empty");
    expect(within(empty).getByTestId("mentorship-empty-next")).toHaveTextContent(
      "Add who Ada mentors, then what each mentee says about being mentored.",
    );
    expect(screen.getAllByRole("button", { name: "Add a mentee" })).toHaveLength(1);
    await app.user.click(within(empty).getByRole("button", { name: "Add a mentee" }));
    expect(screen.getByRole("form", { name: "Add a mentee of Ada Lovelace" })).toBeInTheDocument();
  });

  it("for a report's notes, lead to the edit form", async () => {
    renderApp(`/reports/${ADA.id}/overview`, { getReport: () => Promise.resolve(ok({ ...ADA, notes: "" })) });
    const notes = await screen.findByTestId("report-notes-empty");
    expect(notes).toHaveTextContent("No notes yet. Edit the report to add context you want at hand before a 1:1.");
    expect(within(notes).getByRole("link", { name: "Edit the report" })).toHaveAttribute("href", `/reports/${ADA.id}/edit`);
  });

  it("on Today's cards, say what to do or that nothing needs doing", async () => {
    const today = todayWith([quietGlance(ADA)], { previousVisit: "2026-11-12" });
    renderApp("/", { getToday: () => Promise.resolve(ok(today)) });

    expect(await screen.findByTestId("today-one-on-ones-empty")).toHaveTextContent(
      "No 1:1 in the next week, and none due. Plan one on a report’s 1:1s tab, or import them from your calendar.",
    );
    expect(screen.getByTestId("today-standing-empty")).toHaveTextContent("No high risk is open: nothing urgent to act on.");
    const deadlines = screen.getByTestId("today-deadlines-empty");
    expect(deadlines).toHaveTextContent("No packets due in the next two months. See every cycle");
    expect(within(deadlines).getByRole("link", { name: "See every cycle" })).toHaveAttribute("href", "/cycles");
  });

  it("on the archived roster and on a page that does not exist, say where to go", async () => {
    const app = renderApp("/archived");
    expect(await screen.findByTestId("roster-empty-next")).toHaveTextContent(
      "When someone leaves your team or changes manager, archive their report from its page.",
    );

    app.navigate("/nowhere");
    const missing = await screen.findByTestId("not-found");
    expect(within(missing).getByRole("heading", { level: 2, name: "Nothing here" })).toBeInTheDocument();
    expect(within(missing).getByRole("link", { name: "Open the roster" })).toHaveAttribute("href", "/roster");
  });
});
