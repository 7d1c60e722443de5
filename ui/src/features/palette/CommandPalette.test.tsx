import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { todayIso } from "../../lib/dates";
import type { CommandOverrides } from "../../test/commands";
import { ADA, CY_CYCLE, EV_ADA_PERSON, GRACE, OO_ONES, noOneOnOnes, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { addDays } from "../oneonones/dates";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const ARCHIVED = { ...GRACE, id: "r-linus", name: "Linus Torvalds", archivedAt: "2026-01-05T10:00:00Z" };

function open(path = "/", overrides: CommandOverrides = {}) {
  return renderApp(
    path,
    {
      listReports: (filter) => Promise.resolve(ok(filter === "active" ? [ADA, GRACE] : [ARCHIVED])),
      listCycles: () => Promise.resolve(ok([CY_CYCLE])),
      getReport: (id) => Promise.resolve(ok([ADA, GRACE, ARCHIVED].find((r) => r.id === id) ?? ADA)),
      listPeople: () => Promise.resolve(ok([EV_ADA_PERSON])),
      ...overrides,
    },
    { shell: true },
  );
}

const dialog = () => screen.getByRole("dialog", { name: "Go to or do" });
const field = () => within(dialog()).getByRole("combobox", { name: "Go to or do" });
/** The options' names, in order. */
const options = () => within(dialog()).getAllByRole("option").map((o) => o.getAttribute("aria-label"));

/** Opens the palette with Ctrl+K and types `query`, once the roster is in. */
async function typeInPalette(app: ReturnType<typeof open>, query: string) {
  await app.user.keyboard("{Control>}k{/Control}");
  await within(dialog()).findByRole("option", { name: "Ada Lovelace, Staff · Payments" });
  await app.user.type(field(), query);
}

describe("CommandPalette", { timeout: 20_000 }, () => {
  it("opens on Ctrl+K, even from inside a field, with the field focused; Escape closes it", async () => {
    const app = open();
    await app.user.click(screen.getByRole("searchbox", { name: "Search everything" }));

    await app.user.keyboard("{Control>}k{/Control}");

    expect(dialog()).toBeVisible();
    await waitFor(() => expect(field()).toHaveFocus());
    // Nothing typed: the screens, the reports (archived ones said so) and the cycles.
    await within(dialog()).findByRole("option", { name: "Ada Lovelace, Staff · Payments" });
    expect(within(dialog()).getByRole("group", { name: "Screens" })).toHaveTextContent("Rules of thumb");
    expect(within(dialog()).getByRole("option", { name: "Linus Torvalds, Archived · Senior Staff · Compilers" })).toBeVisible();
    expect(within(dialog()).getByRole("option", { name: "H1 2027 promotions, Calibration 15 Mar 2027 · packets due 15 Feb 2027" })).toBeVisible();
    expect(dialog()).not.toHaveTextContent(ADA.id);

    await app.user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Go to or do" })).not.toBeInTheDocument());
    expect(app.path()).toBe("/");
  });

  it("opens from the header button, named with its shortcut", async () => {
    const app = open();

    await app.user.click(screen.getByRole("button", { name: "Go to… Ctrl K" }));

    expect(dialog()).toBeVisible();
    expect(screen.getByRole("button", { name: "Go to… Ctrl K" })).toHaveAttribute("aria-keyshortcuts", "Control+K Meta+K");
  });

  it("filters by what is typed and goes to the report on Enter", async () => {
    const app = open();

    await typeInPalette(app, "grace");

    expect(options()).toContain("Grace Hopper, Senior Staff · Compilers");
    expect(options().some((o) => o?.includes("Ada Lovelace"))).toBe(false);
    expect(options()[options().length - 1]).toBe("Search everything for “grace”");
    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${GRACE.id}`));
    expect(screen.queryByRole("dialog", { name: "Go to or do" })).not.toBeInTheDocument();
  });

  it("goes to the first entry on Enter before any arrow key", async () => {
    const app = open();
    await app.user.keyboard("{Control>}k{/Control}");
    await within(dialog()).findByRole("option", { name: "Ada Lovelace, Staff · Payments" });

    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}`));
  });

  it("moves through the list with the arrow keys, telling assistive technology which option is chosen", async () => {
    const app = open();
    await typeInPalette(app, "ada");

    const [first, second] = within(dialog()).getAllByRole("option");
    await waitFor(() => expect(field()).toHaveAttribute("aria-activedescendant", first?.id));
    expect(first).toHaveAttribute("aria-selected", "true");
    await app.user.keyboard("{ArrowDown}");
    expect(field()).toHaveAttribute("aria-activedescendant", second?.id);
    expect(second).toHaveAttribute("aria-selected", "true");
    expect(first).toHaveAttribute("aria-selected", "false");
    expect(second).toHaveTextContent("New evidence for Ada Lovelace");

    await app.user.keyboard("{Enter}");
    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/evidence`));
  });

  it.each([
    ["ada radar", `/reports/${ADA.id}/radar`],
    ["ada 1:1 prep", `/reports/${ADA.id}/prep`],
    ["h1 2027", `/cycles/${CY_CYCLE.id}`],
    ["rules", "/rules"],
    ["add a report", "/reports/new"],
  ])("goes from “%s” to %s", async (query, path) => {
    const app = open();
    await typeInPalette(app, query);
    await app.user.keyboard("{Enter}");
    await waitFor(() => expect(app.path()).toBe(path));
  });

  it("offers to search everything for what was typed, and opens the search page with it", async () => {
    const app = open("/", { search: (query) => Promise.resolve(ok({ query, hits: [], truncated: false })) });
    await typeInPalette(app, "ledger migration");

    expect(options()).toEqual(["Search everything for “ledger migration”"]);
    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe("/search?q=ledger%20migration"));
    await waitFor(() => expect(screen.getByRole("searchbox", { name: "Search the staff record" })).toHaveFocus());
  });

  it("offers no actions for an archived report, only its pages", async () => {
    const app = open();
    await typeInPalette(app, "linus");

    expect(options().some((o) => o?.startsWith("Linus Torvalds · Evidence"))).toBe(true);
    expect(options().some((o) => /evidence for|1:1 with|agenda item for/.test(o ?? ""))).toBe(false);
  });

  it("opens the new evidence form for the report", async () => {
    const app = open("/", { listEvidence: () => Promise.resolve(ok([])) });
    await typeInPalette(app, "new evidence ada");

    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/evidence`));
    const form = await screen.findByRole("form", { name: "New evidence" });
    await waitFor(() => expect(getByLabel("Title", form)).toHaveFocus());
  });

  it("holds a 1:1 today: the date filled in and focused, ready for Enter", async () => {
    const app = open("/", { listOneOnOnes: () => Promise.resolve(ok(OO_ONES)) });
    await typeInPalette(app, "hold ada");

    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/one-on-ones`));
    const next = await screen.findByTestId("next-one-on-one");
    const date = getByLabel("Date of the 1:1", next);
    await waitFor(() => expect(date).toHaveFocus());
    expect(date).toHaveValue(todayIso());
    expect(within(next).getByRole("button", { name: "Hold 1:1" })).toBeVisible();
  });

  it("plans the next 1:1 one cadence after the last, or tomorrow if that is past", async () => {
    const app = open("/", { listOneOnOnes: () => Promise.resolve(ok(noOneOnOnes(GRACE.id))) });
    await typeInPalette(app, "plan grace");

    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${GRACE.id}/one-on-ones`));
    const date = getByLabel("Date of the 1:1", await screen.findByTestId("next-one-on-one"));
    await waitFor(() => expect(date).toHaveFocus());
    // Never met: one cadence (a week for Grace) from today.
    expect(date).toHaveValue(addDays(todayIso(), GRACE.oneOnOneEveryDays));
    expect(screen.getByRole("button", { name: "Plan 1:1" })).toBeVisible();
  });

  it("puts the cursor in the agenda field of the next 1:1", async () => {
    const app = open("/", { listOneOnOnes: () => Promise.resolve(ok(OO_ONES)) });
    await typeInPalette(app, "agenda ada");

    await app.user.keyboard("{Enter}");

    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/one-on-ones`));
    const adder = await screen.findByTestId("agenda-adder");
    await waitFor(() => expect(getByLabel("Add to agenda", adder)).toHaveFocus());
  });
});
