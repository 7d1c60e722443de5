import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ReportGlance } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, ADA_MANDATE, EV_LEDGER, GRACE, ok, quietGlance, todayWith } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const withRoster = (roster: ReportGlance[]) => ({ getToday: () => Promise.resolve(ok(todayWith(roster))) });

function steps() {
  return screen.getAllByTestId("welcome-step");
}

describe("Today on an empty folder", () => {
  it("says what Trellis is for and gives the three first steps, each with its way in", async () => {
    const app = renderApp("/", withRoster([]));

    const welcome = await screen.findByTestId("welcome");
    expect(within(welcome).getByRole("heading", { name: "Welcome to Trellis" })).toBeInTheDocument();
    expect(screen.getByTestId("welcome-purpose")).toHaveTextContent("nothing in a promotion packet surprises you");
    expect(welcome).toHaveTextContent("archetype");
    expect(welcome).toHaveTextContent("surprise radar");
    expect(welcome).toHaveTextContent("every 1:1 comes with a prep sheet");

    const list = within(welcome).getByRole("list", { name: "First steps" });
    expect(list.tagName).toBe("OL");
    expect(steps().map((s) => within(s).getByTestId("step-title").textContent)).toEqual([
      "Step 1: Add a report",
      "Step 2: Record their mandate",
      "Step 3: Add evidence",
    ]);
    // Nothing is done yet; the second and third steps say where they are done.
    expect(screen.queryByTestId("step-done")).toBeNull();
    expect(steps()[1]).toHaveTextContent("On the report’s page, Overview tab");
    expect(steps()[2]).toHaveTextContent("On the report’s page, Evidence tab");

    await app.user.click(within(steps()[0]!).getByRole("link", { name: "Add a report" }));
    expect(app.path()).toBe("/reports/new");
  });

  it("says how to open the demo team and imports an archive from the welcome itself", async () => {
    const importArchive = vi.fn<Commands["importArchive"]>(() => Promise.resolve(ok(null)));
    const app = renderApp("/", { ...withRoster([]), importArchive });

    const demo = await screen.findByTestId("welcome-demo");
    expect(demo).toHaveTextContent("Start Trellis with trellis --demo");
    expect(demo).toHaveTextContent("scripts/run --demo");
    expect(demo).toHaveTextContent("Your data here is not touched");

    const imports = screen.getByTestId("welcome-import");
    await app.user.click(within(imports).getByRole("button", { name: "Import an archive…" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace everything with an archive?" });
    await app.user.click(within(dialog).getByTestId("choose-archive"));
    await waitFor(() => expect(importArchive).toHaveBeenCalledTimes(1));
  });
});

describe("Today's first steps once reports exist", () => {
  it("ticks the first step and sends the second to the report's overview", async () => {
    const app = renderApp("/", withRoster([quietGlance(ADA)]));

    const card = await screen.findByTestId("getting-started");
    expect(screen.queryByTestId("welcome")).toBeNull();
    const [first, second, third] = within(card).getAllByTestId("welcome-step");
    expect(first).toHaveAttribute("data-done");
    expect(within(first!).getByTestId("step-done")).toHaveTextContent("Done: 1 report added");
    expect(second).not.toHaveAttribute("data-done");
    expect(third).not.toHaveAttribute("data-done");
    // The board is still there below.
    expect(screen.getByTestId("glance")).toBeInTheDocument();

    await app.user.click(within(second!).getByRole("link", { name: "Set Ada Lovelace’s mandate" }));
    expect(app.path()).toBe(`/reports/${ADA.id}/overview`);
  });

  it("ticks the mandate once any report has one, and sends evidence to that report", async () => {
    const listMandates = vi.fn<Commands["listMandates"]>((id) => Promise.resolve(ok(id === GRACE.id ? [{ ...ADA_MANDATE, reportId: GRACE.id }] : [])));
    const app = renderApp("/", { ...withRoster([quietGlance(ADA), quietGlance(GRACE)]), listMandates });

    const card = await screen.findByTestId("getting-started");
    const [, second, third] = within(card).getAllByTestId("welcome-step");
    expect(second).toHaveAttribute("data-done");
    expect(third).not.toHaveAttribute("data-done");
    await app.user.click(within(third!).getByRole("link", { name: "Add evidence for Grace Hopper" }));
    expect(app.path()).toBe(`/reports/${GRACE.id}/evidence`);
  });

  it("goes away once the first evidence exists, without asking for mandates", async () => {
    const listEvidence = vi.fn<Commands["listEvidence"]>((id) => Promise.resolve(ok(id === ADA.id ? [EV_LEDGER] : [])));
    const listMandates = vi.fn<Commands["listMandates"]>(() => Promise.resolve(ok([])));
    renderApp("/", { ...withRoster([quietGlance(ADA), quietGlance(GRACE)]), listEvidence, listMandates });

    await screen.findByTestId("glance");
    await waitFor(() => expect(listEvidence).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId("getting-started")).toBeNull();
    expect(listMandates).not.toHaveBeenCalled();
  });

  it("asks nothing per report for a roster past its first steps", async () => {
    const listEvidence = vi.fn<Commands["listEvidence"]>(() => Promise.resolve(ok([])));
    const roster = Array.from({ length: 6 }, (_, i) => quietGlance({ id: `r-${i}`, name: `Engineer ${i}` }));
    renderApp("/", { ...withRoster(roster), listEvidence });

    await screen.findByTestId("glance");
    expect(screen.queryByTestId("getting-started")).toBeNull();
    expect(listEvidence).not.toHaveBeenCalled();
  });
});
