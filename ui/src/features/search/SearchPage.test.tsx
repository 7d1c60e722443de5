import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { SearchHit, SearchResults } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import { ADA, GRACE, MS_MENTORSHIP_BOB, ok } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const ada = { reportId: ADA.id, reportName: ADA.name, parentId: null, private: false };
const grace = { reportId: GRACE.id, reportName: GRACE.name, parentId: null, private: false };
const plain = (text: string) => ({ text, hit: false });
const hit = (text: string) => ({ text, hit: true });

/** Hits for "ledger", best first, as the core returns them. */
const HITS: SearchHit[] = [
  { ...ada, kind: "evidence", recordId: "e-ledger", title: "Ledger migration", snippet: [plain("Moved every balance to the new "), hit("ledger"), plain(".")] },
  { reportId: null, reportName: null, parentId: null, private: false, kind: "person", recordId: "p-leda", title: "Leda Park", snippet: [plain("Owns the "), hit("ledger"), plain(" API")] },
  { ...grace, kind: "mandate", recordId: "md-grace", title: "Keep the compiler fast", snippet: [plain("Unblocks the "), hit("ledger"), plain(" team")] },
  { ...ada, kind: "visibility", recordId: "v-ledger-1", parentId: "e-ledger", title: "Seen by Margaret Hamilton: Ledger migration", snippet: [plain("Q3 "), hit("ledger"), plain(" review")] },
  { ...ada, kind: "feedback", recordId: "f-bob-negative", parentId: "m-bob", title: "Feedback from Bob Kahn", snippet: [plain("cancelled "), hit("ledger"), plain(" sessions")] },
  { ...ada, kind: "mentorship", recordId: "m-bob", title: "Mentoring Bob Kahn", snippet: [plain("Review the "), hit("ledger"), plain(" design")] },
  { ...ada, kind: "advocate", recordId: "a-grace", title: "Grace Hopper", snippet: [plain("Saw the "), hit("ledger"), plain(" demo")] },
  { ...grace, kind: "report", recordId: GRACE.id, title: "Grace Hopper", snippet: [plain("Compilers "), hit("ledger")] },
];

/** What was said in 1:1s and written in packets, for "cut-over". */
const SAID: SearchHit[] = [
  { ...ada, kind: "note", recordId: "n-1", parentId: "mt-1", private: true, title: "1:1 note, 10 Nov 2026", snippet: [plain("the "), hit("cut"), plain("-over weekend")] },
  { ...ada, kind: "agenda_item", recordId: "ag-1", title: "1:1 agenda item", snippet: [plain("Plan the "), hit("cut"), plain("-over")] },
  { ...ada, kind: "packet_version", recordId: "pv-2", parentId: "cand-1", title: "Packet version 2, Spring calibration", snippet: [hit("cut"), plain("-over done")] },
];

function results(query: string, hits: SearchHit[] = HITS, truncated = false): SearchResults {
  return { query, hits, truncated };
}

function openSearch(path = "/search", overrides: CommandOverrides = {}) {
  return renderApp(path, {
    search: (query) => Promise.resolve(ok(results(query))),
    getReport: (id) => Promise.resolve(ok(id === GRACE.id ? GRACE : ADA)),
    listMentorships: () => Promise.resolve(ok([MS_MENTORSHIP_BOB])),
    ...overrides,
  });
}

const field = () => screen.getByRole("searchbox", { name: "Search the staff record" });

describe("SearchPage", () => {
  it("invites a search before anything is typed, and asks nothing", async () => {
    const app = openSearch();

    expect(await screen.findByTestId("search-empty")).toHaveTextContent("Type any word above: every note, evidence item, mandate and piece of feedback is searched.");
    expect(field()).toHaveFocus();
    expect(app.commands.search).not.toHaveBeenCalled();
  });

  it("searches as you type and keeps the query in the address", async () => {
    const app = openSearch();

    await app.user.type(await screen.findByRole("searchbox"), "ledger");

    expect(await screen.findByTestId("search-summary")).toHaveTextContent("8 results for “ledger”");
    expect(app.commands.search).toHaveBeenLastCalledWith("ledger", 50);
    // Debounced: not one search per keystroke.
    expect(app.commands.search.mock.calls.length).toBeLessThan(6);
    // Replaced, not pushed: Back leaves the search page instead of untyping letters.
    expect(app.history).toEqual(["/search?q=ledger"]);
  });

  it("groups hits by report (people outside the roster apart), then by kind, marking the matched words", async () => {
    openSearch("/search?q=ledger");

    expect(await screen.findByTestId("search-summary")).toBeInTheDocument();
    expect(field()).toHaveValue("ledger");
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Ada Lovelace", "People", "Grace Hopper"]);
    const adaGroup = screen.getByRole("region", { name: "Ada Lovelace" });
    expect(within(adaGroup).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual([
      "Evidence",
      "Visibility",
      "Advocate",
      "Mentorship",
      "Mentee feedback",
    ]);
    const graceGroup = screen.getByRole("region", { name: "Grace Hopper" });
    expect(within(graceGroup).getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["Report", "Mandate"]);

    const evidence = screen.getByRole("region", { name: "Ada Lovelace: Evidence" });
    const link = within(evidence).getByRole("link");
    expect(link).toHaveTextContent("Ledger migrationMoved every balance to the new ledger.");
    const marks = link.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["ledger"]);
    expect(within(screen.getByRole("region", { name: "People: Person" })).getByRole("link")).toHaveTextContent("Leda ParkOwns the ledger API");
  });

  it("finds what was said in 1:1s, marks private notes, and opens the 1:1 or the packet", async () => {
    const app = openSearch("/search?q=cut-over", { search: (query) => Promise.resolve(ok(results(query, SAID))) });
    const note = await screen.findByTestId("hit-n-1");
    expect(note).toHaveTextContent("1:1 note, 10 Nov 2026");
    expect(within(note).getByTestId("visibility")).toHaveTextContent("Private");
    expect(within(screen.getByTestId("hit-ag-1")).queryByTestId("visibility")).not.toBeInTheDocument();
    await app.user.click(screen.getByTestId("hit-pv-2"));
    expect(app.path()).toBe("/candidates/cand-1");
  });

  it("opens a 1:1 note on the report's 1:1s tab", async () => {
    const app = openSearch("/search?q=cut-over", { search: (query) => Promise.resolve(ok(results(query, SAID))) });
    await app.user.click(await screen.findByTestId("hit-n-1"));
    expect(app.path()).toBe(`/reports/${ADA.id}/one-on-ones`);
  });

  it("says when nothing matches", async () => {
    openSearch("/search?q=zebra", { search: (query) => Promise.resolve(ok(results(query, []))) });

    expect(await screen.findByTestId("search-nothing")).toHaveTextContent("Nothing matches “zebra”");
  });

  it("says when only the first results are shown", async () => {
    openSearch("/search?q=ledger", { search: (query) => Promise.resolve(ok(results(query, HITS, true))) });

    expect(await screen.findByTestId("search-truncated")).toHaveTextContent("Showing the first 8 results");
  });

  it("shows the core's error", async () => {
    openSearch("/search?q=ledger", {
      search: () => Promise.resolve({ status: "error", error: { kind: "storage", message: "The index is damaged." } }),
    });

    expect(await screen.findByRole("alert")).toHaveTextContent("The index is damaged.");
  });

  it.each([
    ["e-ledger", `/reports/${ADA.id}/evidence`],
    ["v-ledger-1", `/reports/${ADA.id}/evidence`],
    ["md-grace", `/reports/${GRACE.id}`],
    ["a-grace", `/reports/${ADA.id}/advocates`],
    ["m-bob", `/reports/${ADA.id}/mentorship`],
    ["f-bob-negative", `/reports/${ADA.id}/mentorship`],
    ["p-leda", "/people"],
    [GRACE.id, `/reports/${GRACE.id}`],
  ])("opens hit %s at %s", async (id, path) => {
    const app = openSearch("/search?q=ledger");

    await app.user.click(await screen.findByTestId(`hit-${id}`));

    expect(app.path()).toBe(path);
  });

  it("brings the opened feedback into view in its mentorship", async () => {
    const app = openSearch("/search?q=ledger");

    (await screen.findByTestId("hit-f-bob-negative")).focus();
    await app.user.keyboard("{Enter}");

    const entry = await screen.findByTestId("feedback-f-bob-negative");
    expect(entry).toHaveAttribute("data-focused", "true");
    await waitFor(() => expect(entry).toHaveFocus());
  });

  it("follows the address when it changes from outside (the header box, Back)", async () => {
    const search = vi.fn<Commands["search"]>((query) => Promise.resolve(ok(results(query))));
    const app = openSearch("/search?q=ledger", { search });
    await screen.findByTestId("search-summary");

    app.navigate("/search?q=compiler");

    await waitFor(() => expect(field()).toHaveValue("compiler"));
    await waitFor(() => expect(search).toHaveBeenLastCalledWith("compiler", 50));
    // The page does not write its previous query back.
    await new Promise((r) => setTimeout(r, 250));
    expect(app.history).toEqual(["/search?q=ledger", "/search?q=compiler"]);
  });
});
