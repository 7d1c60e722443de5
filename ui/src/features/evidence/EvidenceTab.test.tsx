import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Commands } from "../../test/commands";
import { ADA, EV_LEDGER, EV_ONCALL, fail, ok } from "../../test/fixtures";
import { focusRecord } from "../../lib/focus";
import { getByLabel } from "../../test/render";
import { card, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

describe("EvidenceTab", () => {
  it("explains evidence when there is none and opens the form from the empty state", async () => {
    const app = await openTab([]);

    const empty = await screen.findByTestId("evidence-empty");
    expect(within(empty).getByRole("heading", { name: "No evidence yet" })).toBeVisible();
    expect(empty).toHaveTextContent("Record Ada Lovelace's work as it happens");
    expect(empty).toHaveTextContent("who has actually seen it");

    await app.user.click(within(empty).getByRole("button", { name: "Add the first evidence item" }));

    const form = await screen.findByRole("form", { name: "New evidence" });
    expect(getByLabel("Title", form)).toHaveFocus();
    expect(getByLabel("Work mix", form)).toHaveDisplayValue("Untagged");
    expect(getByLabel("Kind", form)).toHaveDisplayValue("Choose…");
  });


  it("lists evidence newest first with role, co-owners, impact, links and who saw it", async () => {
    await openTab([EV_LEDGER, EV_ONCALL]);

    const cards = screen.getAllByTestId("evidence-card");
    expect(cards.map((c) => within(c).getByRole("heading").textContent)).toEqual(["On-call handbook", "Ledger migration"]);
    expect(cards[1]).toHaveAttribute("id", "record-e-ledger");
    expect(cards[1]).toHaveAttribute("tabindex", "-1");
    expect(screen.getByTestId("evidence-summary")).toHaveTextContent(
      "2 items · 1 led or co-led · 1 without quantified impact · 1 seen by nobody · 1 tagged snacking, preening or chasing ghosts",
    );

    const ledger = within(card("Ledger migration"));
    expect(ledger.getByTestId("evidence-period")).toHaveTextContent("1 Feb 2024 – 30 Sep 2024");
    // The flagship, the project the packet leads with, is marked; the other is not.
    expect(ledger.getByTestId("flagship")).toHaveTextContent("Flagship");
    expect(ledger.getByTestId("flagship")).toHaveAttribute("title", "The project the packet leads with");
    expect(within(card("On-call handbook")).queryByTestId("flagship")).not.toBeInTheDocument();
    expect(ledger.getByText("Project")).toBeVisible();
    expect(ledger.getByText("Led")).toBeVisible();
    expect(ledger.getByText("High-leverage")).toBeVisible();
    expect(ledger.getByText("Architect work")).toBeVisible();
    expect(ledger.getByText("Month-end close from 5 days to 1")).toBeVisible();
    expect(ledger.queryByTestId("unquantified")).not.toBeInTheDocument();
    expect(ledger.getByText("Alan Turing")).toBeVisible();
    expect(ledger.getByText(/^1 Oct 2024 \(.+\)$/)).toBeVisible();
    expect(ledger.getByText("Moved every balance to the new ledger.")).toBeVisible();
    // Links are buttons that ask Rust to open them outside, never anchors that would navigate
    // the app's own window away.
    expect(ledger.getByRole("button", { name: "Open link Design doc in your browser" })).toHaveTextContent(
      "https://docs.example.com/ledger-design",
    );
    expect(ledger.getByText("Design doc:")).toBeVisible();
    expect(ledger.queryByRole("link")).not.toBeInTheDocument();
    expect(ledger.getByRole("button", { name: "Copy link Design doc" })).toBeEnabled();
    const [seen, ...more] = ledger.getAllByTestId("visibility-entry");
    expect(more).toHaveLength(0);
    expect(seen).toHaveTextContent("Margaret Hamilton");
    expect(seen).toHaveTextContent("skip-level");
    expect(seen).toHaveTextContent("Demo · 15 Oct 2024 · Q3 platform review");

    const oncall = within(card("On-call handbook"));
    expect(oncall.getByTestId("evidence-period")).toHaveTextContent("10 Jan 2025 – ongoing");
    expect(oncall.getByText("Glue work")).toBeVisible();
    expect(oncall.getByText("Contributed")).toBeVisible();
    expect(oncall.getByTestId("work-mix")).toHaveTextContent("Snacking");
    expect(oncall.getByTestId("unquantified")).toHaveTextContent("impact not quantified");
    expect(oncall.getByText("none recorded")).toBeVisible();
    expect(oncall.queryByText("In production since:")).not.toBeInTheDocument();
    expect(oncall.getByTestId("nobody-saw")).toBeVisible();
  });


  it("copies a link's URL", async () => {
    const app = await openTab([EV_LEDGER]);

    await app.user.click(screen.getByRole("button", { name: "Copy link Design doc" }));

    expect(await navigator.clipboard.readText()).toBe("https://docs.example.com/ledger-design");
    expect(await screen.findByText("Copied")).toBeVisible();
  });


  it("opens https and mailto links outside the app and shows other links as text to copy", async () => {
    const openExternalLink = vi.fn<Commands["openExternalLink"]>(() => Promise.resolve(ok(null)));
    const links = [
      { url: "https://docs.example.com/ledger-design", label: "Design doc" },
      { url: "mailto:ada@example.com", label: "" },
      { url: "http://intranet/old-wiki", label: "Old wiki" },
    ];
    const app = await openTab([{ ...EV_LEDGER, links }], { openExternalLink });

    await app.user.click(screen.getByRole("button", { name: "Open link Design doc in your browser" }));
    await waitFor(() => expect(openExternalLink).toHaveBeenCalledWith("https://docs.example.com/ledger-design"));
    await app.user.click(screen.getByRole("button", { name: "Open link mailto:ada@example.com in your browser" }));
    expect(openExternalLink).toHaveBeenLastCalledWith("mailto:ada@example.com");

    expect(screen.queryByRole("button", { name: /Open link Old wiki/ })).not.toBeInTheDocument();
    expect(screen.getByText("http://intranet/old-wiki")).toBeVisible();
    expect(screen.getByRole("button", { name: "Copy link Old wiki" })).toBeEnabled();
  });


  it("shows the description and impact as Markdown, with typed HTML as text and images not loaded", async () => {
    const openExternalLink = vi.fn<Commands["openExternalLink"]>(() => Promise.resolve(ok(null)));
    const ledger = {
      ...EV_LEDGER,
      impact: "- close: **5 days → 1**\n- 3 teams unblocked",
      description: "Moved every balance. See [the runbook](https://wiki.example.com/runbook).\n\n![before and after](https://grafana.example.com/close.png)\n\n<iframe src=\"javascript:alert(1)\"></iframe>",
    };
    const app = await openTab([ledger], { openExternalLink });
    const view = within(card("Ledger migration"));

    const impact = view.getByTestId("evidence-impact");
    expect(impact).toHaveTextContent(/^Impact:/);
    expect(within(impact).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["close: 5 days → 1", "3 teams unblocked"]);
    expect(within(impact).getByText("5 days → 1").tagName).toBe("STRONG");

    const description = view.getByTestId("evidence-description");
    expect(within(description).getByText("before and after")).toBeVisible();
    expect(description.querySelector("img, iframe, a")).toBeNull();
    expect(description).toHaveTextContent('<iframe src="javascript:alert(1)"></iframe>');
    await app.user.click(within(description).getByRole("button", { name: "the runbook" }));
    await waitFor(() => expect(openExternalLink).toHaveBeenCalledWith("https://wiki.example.com/runbook"));
  });


  it("shows why a link could not be opened", async () => {
    const openExternalLink = vi.fn<Commands["openExternalLink"]>(() =>
      Promise.resolve(fail({ kind: "storage", message: "The link could not be opened by the system: no browser" })),
    );
    const app = await openTab([EV_LEDGER], { openExternalLink });

    await app.user.click(screen.getByRole("button", { name: "Open link Design doc in your browser" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("The link could not be opened by the system: no browser");
  });


  it("asks before deleting an item, then deletes it", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const app = await openTab([EV_LEDGER, EV_ONCALL], { deleteRecord });

    const remove = within(card("Ledger migration")).getByRole("button", { name: "Delete the evidence item “Ledger migration”" });
    await app.user.click(remove);
    const dialog = await screen.findByRole("dialog", { name: "Delete the evidence item “Ledger migration”?" });
    await app.user.click(within(dialog).getByRole("button", { name: "Keep it" }));
    expect(deleteRecord).not.toHaveBeenCalled();

    await app.user.click(remove);
    await app.user.click(await screen.findByTestId("confirm-delete"));

    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("evidence", EV_LEDGER.id));
    expect(deleteRecord).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId("undo-delete")).toBeInTheDocument();
  });


  it("filters by kind and by work mix", async () => {
    const app = await openTab([EV_LEDGER, EV_ONCALL]);

    const kind = getByLabel("Filter by kind");
    expect(within(kind).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "All kinds (2)",
      "Project (1)",
      "Glue work (1)",
    ]);
    await app.user.selectOptions(kind, "Glue work (1)");
    expect(screen.getAllByTestId("evidence-card").map((c) => within(c).getByRole("heading").textContent)).toEqual([
      "On-call handbook",
    ]);
    expect(screen.getByText("Showing 1 of 2")).toBeVisible();

    await app.user.selectOptions(getByLabel("Filter by work mix"), "High-leverage (1)");
    expect(screen.queryAllByTestId("evidence-card")).toHaveLength(0);
    await app.user.click(screen.getByRole("button", { name: "Show everything" }));
    expect(screen.getAllByTestId("evidence-card")).toHaveLength(2);
  });


  it("shows an archived report's evidence read-only", async () => {
    await openTab([EV_LEDGER], {}, { ...ADA, archivedAt: "2026-11-20T10:00:00Z" });

    expect(screen.getByTestId("evidence-read-only")).toHaveTextContent("Ada Lovelace is archived");
    const ledger = within(card("Ledger migration"));
    expect(ledger.getByText("Margaret Hamilton")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Add evidence" })).not.toBeInTheDocument();
    expect(ledger.queryByRole("button", { name: /^Edit/ })).not.toBeInTheDocument();
    expect(ledger.queryByRole("button", { name: /^Delete/ })).not.toBeInTheDocument();
    expect(ledger.queryByRole("button", { name: /Add who saw it/ })).not.toBeInTheDocument();
    // Copying a link is still fine.
    expect(ledger.getByRole("button", { name: "Copy link Design doc" })).toBeEnabled();
  });


  it("offers no way to add to an archived report without evidence", async () => {
    await openTab([], {}, { ...ADA, archivedAt: "2026-11-20T10:00:00Z" });

    expect(await screen.findByTestId("evidence-empty")).toBeVisible();
    expect(screen.queryByRole("button", { name: /Add/ })).not.toBeInTheDocument();
  });

  it("shows years of evidence twenty at a time, and an item asked for by search wherever it is", async () => {
    // 45 items, one a month back from March 2026 (newest first on screen).
    const many = Array.from({ length: 45 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 2 - i, 1)).toISOString().slice(0, 10);
      return { ...EV_ONCALL, id: `e-${i}`, title: `Work item ${i}`, startedOn: d, endedOn: null, visibility: [] };
    });
    const app = await openTab(many);
    expect(screen.getAllByTestId("evidence-card")).toHaveLength(20);
    expect(screen.getByTestId("evidence-summary")).toHaveTextContent("45 items");
    await app.user.click(screen.getByRole("button", { name: "Show 20 older items (25 more)" }));
    expect(screen.getAllByTestId("evidence-card")).toHaveLength(40);
    await app.user.click(screen.getByRole("button", { name: "Show 5 older items (5 more)" }));
    expect(screen.getAllByTestId("evidence-card")).toHaveLength(45);
    expect(screen.queryByTestId("evidence-older")).not.toBeInTheDocument();
  });

  it("opens on the item search asked for, even far back", async () => {
    const many = Array.from({ length: 45 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 2 - i, 1)).toISOString().slice(0, 10);
      return { ...EV_ONCALL, id: `e-${i}`, title: `Work item ${i}`, startedOn: d, endedOn: null, visibility: [] };
    });
    focusRecord("e-33");
    await openTab(many);
    expect(card("Work item 33")).toBeInTheDocument();
    expect(screen.getAllByTestId("evidence-card")).toHaveLength(40);
  });
});
