import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { PacketSections } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, CY_ADA_CANDIDATE, CY_DIFF, CY_VERSION_1, CY_VERSION_2, EV_LEDGER, EV_ONCALL, invalid, ok } from "../../test/fixtures";
import { getByLabel } from "../../test/render";
import { fill, openCandidate, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const packetForm = () => screen.getByRole("form", { name: "Packet" });
const f = (label: string) => getByLabel(label, packetForm());

describe("The packet editor", () => {
  it("starts from the latest version and saves every section, whole, with the note", async () => {
    const savePacket = vi.fn<Commands["savePacket"]>((candidateId, sections, note) =>
      Promise.resolve(ok({ ...CY_VERSION_2, id: "pv-3", candidateId, number: 3, sections, note })),
    );
    const app = await openCandidate({ savePacket });
    await openTab(app.user, "Packet");

    expect(screen.getByTestId("packet-base")).toHaveTextContent("Editing from version 2, saved 20 Oct 2026. Saving makes version 3");
    expect(f("Project 1 title")).toHaveValue("Ledger migration");
    expect(f("Gap 1")).toHaveValue("Not a year in production yet");
    expect(f("Glue work 1 title")).toHaveValue("On-call handbook");
    // The text fields say they take Markdown; titles do not (they show as written).
    expect(f("Quantified impact")).toHaveAccessibleDescription("The numbers, in one place. Markdown: **bold**, - lists, [links](https://…)");
    expect(f("Project 1 goal")).toHaveAccessibleDescription("Markdown: **bold**, - lists, [links](https://…)");
    expect(f("Project 1 title")).not.toHaveAccessibleDescription();

    await app.user.clear(f("Quantified impact"));
    await fill(app.user, f("Quantified impact"), "Close from 5 days to 1; payout errors halved");
    await app.user.click(within(packetForm()).getByRole("button", { name: "Add an improvement" }));
    expect(f("Improvement 1 title")).toHaveFocus();
    await fill(app.user, f("Improvement 1 title"), "Incident reviews");
    await fill(app.user, f("Improvement 1 text"), "Blameless reviews across payments.");
    await app.user.click(within(packetForm()).getByRole("combobox", { name: "Improvement 1 evidence" }));
    await app.user.click(await screen.findByRole("option", { name: "On-call handbook (2025)" }));
    await app.user.click(within(packetForm()).getByRole("button", { name: "Remove glue work 1" }));
    expect(within(packetForm()).queryByLabelText("Glue work 1 title")).not.toBeInTheDocument();
    await fill(app.user, f("Note for this version"), "After the manager review");
    await app.user.click(within(packetForm()).getByRole("button", { name: "Save as new version" }));

    await waitFor(() => expect(savePacket).toHaveBeenCalledTimes(1));
    const v2 = CY_VERSION_2.sections;
    expect(savePacket).toHaveBeenCalledWith(
      CY_ADA_CANDIDATE.id,
      {
        staffProjects: [{ ...v2.staffProjects![0]!, evidenceIds: [EV_LEDGER.id] }],
        orgImprovements: [{ title: "Incident reviews", body: "Blameless reviews across payments.", evidenceIds: [EV_ONCALL.id] }],
        quantifiedImpact: "Close from 5 days to 1; payout errors halved",
        mentorship: "",
        glueWork: [],
        advocates: "Omar Haddad",
        knownGaps: [{ gap: "Not a year in production yet", plan: "The ledger reaches a year in production in October." }],
      } satisfies PacketSections,
      "After the manager review",
    );
    expect(await screen.findByText("Saved version 3 of Ada Lovelace's packet.")).toBeInTheDocument();
  }, 15_000);

  it("drafts every section from the record, and saving that makes a new version", async () => {
    const drafted: PacketSections = {
      staffProjects: [
        { title: "Ledger migration", goal: "One ledger for payouts", complexity: "", impact: "Close from 5 days to 1", designDocs: "- Design: https://docs.example.com/ledger", evidenceIds: [EV_LEDGER.id] },
      ],
      orgImprovements: [],
      quantifiedImpact: "- Ledger migration: Close from 5 days to 1",
      mentorship: "- Mentors Bob Kahn (since 1 Mar 2026)",
      glueWork: [{ title: "On-call handbook", body: "Pages halved", evidenceIds: [EV_ONCALL.id] }],
      advocates: "- Omar Haddad (Director): the ledger demo",
      knownGaps: [{ gap: "The flagship has been in production under a year.", plan: "Show the first year's numbers in October." }],
    };
    const draftPacket = vi.fn<Commands["draftPacket"]>(() => Promise.resolve(ok(drafted)));
    const savePacket = vi.fn<Commands["savePacket"]>((candidateId, sections, note) =>
      Promise.resolve(ok({ ...CY_VERSION_2, id: "pv-3", candidateId, number: 3, sections, note })),
    );
    const app = await openCandidate({ draftPacket, savePacket });
    await openTab(app.user, "Packet");

    await app.user.click(within(packetForm()).getByRole("button", { name: "Refresh from the record" }));
    await waitFor(() => expect(f("Mentorship")).toHaveValue("- Mentors Bob Kahn (since 1 Mar 2026)"));
    expect(draftPacket).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id);
    expect(f("Project 1 goal")).toHaveValue("One ledger for payouts");
    expect(f("Gap 1")).toHaveValue("The flagship has been in production under a year.");
    expect(f("Note for this version")).toHaveValue("Drafted from the record");
    await app.user.click(within(packetForm()).getByRole("button", { name: "Save as new version" }));

    await waitFor(() => expect(savePacket).toHaveBeenCalledTimes(1));
    expect(savePacket).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id, drafted, "Drafted from the record");
  }, 15_000);

  it("shows an error about one row at its field, keeps every value and focuses it", async () => {
    const message = "Every known gap needs a plan.";
    const savePacket = vi.fn<Commands["savePacket"]>(() => Promise.resolve(invalid("The packet has 1 problem.", { "knownGaps.0.plan": message })));
    const app = await openCandidate({ savePacket });
    await openTab(app.user, "Packet");

    await app.user.clear(f("Gap 1 plan"));
    await fill(app.user, f("Project 1 goal"), " (and payouts)");
    await app.user.click(within(packetForm()).getByRole("button", { name: "Save as new version" }));

    expect(await within(packetForm()).findByTestId("form-summary")).toHaveTextContent(
      "Nothing was saved. The packet has 1 problem. Your entries are kept; fix the highlighted field and save again.",
    );
    expect(within(packetForm()).getByTestId("error-knownGaps.0.plan")).toHaveTextContent(message);
    expect(f("Gap 1 plan")).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(f("Gap 1 plan")).toHaveFocus());
    expect(f("Gap 1 plan")).toHaveValue("");
    expect(f("Gap 1")).toHaveValue("Not a year in production yet");
    expect(f("Project 1 goal")).toHaveValue("One source of truth for balances (and payouts)");

    // Typing a plan clears the error; the core judges again on the next save.
    await fill(app.user, f("Gap 1 plan"), "Wait for October.");
    expect(within(packetForm()).queryByTestId("error-knownGaps.0.plan")).not.toBeInTheDocument();
    expect(f("Gap 1 plan")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("starts the first draft from an empty packet", async () => {
    const savePacket = vi.fn<Commands["savePacket"]>((candidateId, sections, note) =>
      Promise.resolve(ok({ ...CY_VERSION_1, candidateId, sections, note })),
    );
    const app = await openCandidate({ listPacketVersions: () => Promise.resolve(ok([])), savePacket });
    expect(screen.getByTestId("summary-packet")).toHaveTextContent("no draft");
    await openTab(app.user, "Packet");

    expect(screen.getByTestId("packet-base")).toHaveTextContent("No version saved yet: this will be the first draft.");
    expect(within(packetForm()).queryByLabelText(/Project 1/)).not.toBeInTheDocument();
    // The packet leads with the flagship, offered first among the evidence.
    expect(within(packetForm()).getByText(/Lead with the flagship, “Ledger migration”\./)).toBeInTheDocument();
    await app.user.click(within(packetForm()).getByRole("button", { name: "Add a staff-level project" }));
    await fill(app.user, f("Project 1 title"), "Ledger migration");
    await app.user.click(within(packetForm()).getByRole("combobox", { name: "Project 1 evidence" }));
    await app.user.click(await screen.findByRole("option", { name: "Ledger migration (2024) · flagship" }));
    await app.user.click(within(packetForm()).getByRole("button", { name: "Add a known gap" }));
    await fill(app.user, f("Gap 1"), "No staff peer review");
    await fill(app.user, f("Gap 1 plan"), "Ask Priya in September.");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(savePacket).toHaveBeenCalledTimes(1));
    expect(savePacket).toHaveBeenCalledWith(
      CY_ADA_CANDIDATE.id,
      {
        staffProjects: [{ title: "Ledger migration", goal: "", complexity: "", impact: "", designDocs: "", evidenceIds: [EV_LEDGER.id] }],
        orgImprovements: [],
        quantifiedImpact: "",
        mentorship: "",
        glueWork: [],
        advocates: "",
        knownGaps: [{ gap: "No staff peer review", plan: "Ask Priya in September." }],
      } satisfies PacketSections,
      "",
    );
  }, 15_000);
});

describe("Packet versions", () => {
  it("lists the versions and compares any two, block by block", async () => {
    const packetDiff = vi.fn<Commands["packetDiff"]>(() => Promise.resolve(ok(CY_DIFF)));
    const app = await openCandidate({ packetDiff });
    await openTab(app.user, "Versions (2)");

    const rows = screen.getAllByTestId("version-row").map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(rows).toEqual([
      ["2", "20 Oct 2026", "After Priya's review"],
      ["1", "28 Aug 2026", "First draft"],
    ]);
    expect(getByLabel("From version")).toHaveDisplayValue(/Version 1/);
    expect(getByLabel("To version")).toHaveDisplayValue(/Version 2/);
    await waitFor(() => expect(packetDiff).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id, 1, 2));

    const region = await screen.findByRole("region", { name: "Changes from version 1 to version 2" });
    expect(within(region).getByTestId("diff-summary")).toHaveTextContent("3 of 4 blocks changed from version 1 to version 2.");
    const blocks = within(region).getAllByTestId("diff-block");
    expect(blocks.map((b) => b.querySelector("p")?.textContent)).toEqual([
      "Quantified impact",
      "Glue work: On-call handbook",
      "Org improvement: Build farm",
    ]);
    expect(within(blocks[0]!).getByTestId("diff-line-removed")).toHaveTextContent("Month-end close from 5 days to 1");
    expect(within(blocks[0]!).getByTestId("diff-line-added")).toHaveTextContent("Month-end close from 5 days to 1 day");
    expect(within(blocks[0]!).getByTestId("diff-line-same")).toHaveTextContent("Payout errors halved");
    expect(within(blocks[1]!).getByTestId("block-added")).toHaveTextContent("New block");
    expect(within(blocks[2]!).getByTestId("block-removed")).toHaveTextContent("Removed block");

    await app.user.click(within(region).getByRole("checkbox", { name: "Show the 1 unchanged block" }));
    expect(within(region).getAllByTestId("diff-block")).toHaveLength(4);

    // Any two versions, either way round.
    await app.user.selectOptions(getByLabel("From version"), "Version 2 (20 Oct 2026)");
    expect(screen.getByText("Choose two different versions.")).toBeInTheDocument();
    await app.user.selectOptions(getByLabel("To version"), getByLabel("To version").querySelectorAll("option")[1]!);
    await waitFor(() => expect(packetDiff).toHaveBeenLastCalledWith(CY_ADA_CANDIDATE.id, 2, 1));
  });

  it("reads any version with its sections as Markdown; the diff stays plain text", async () => {
    const openExternalLink = vi.fn<Commands["openExternalLink"]>(() => Promise.resolve(ok(null)));
    const v3 = {
      ...CY_VERSION_2,
      id: "pv-3",
      number: 3,
      sections: {
        ...CY_VERSION_2.sections,
        staffProjects: [{ ...CY_VERSION_2.sections.staffProjects![0]!, designDocs: "[Ledger design](https://docs.example.com/ledger)" }],
        quantifiedImpact: "- close: **5 days → 1**\n- payout errors halved",
        mentorship: "",
        knownGaps: [{ gap: "Not a *year* in production", plan: "Wait for [October](javascript:alert(1)) <script>alert(1)</script>" }],
      },
    };
    const packetDiff = vi.fn<Commands["packetDiff"]>(() =>
      Promise.resolve(ok({ ...CY_DIFF, sections: [{ title: "Quantified impact", change: "same" as const, lines: [{ op: "added" as const, text: "- close: **5 days → 1**" }] }] })),
    );
    const app = await openCandidate({ listPacketVersions: () => Promise.resolve(ok([v3, CY_VERSION_2, CY_VERSION_1])), openExternalLink, packetDiff });
    await openTab(app.user, "Versions (3)");

    expect(getByLabel("Version to read")).toHaveDisplayValue(/Version 3/);
    const view = screen.getByTestId("packet-view");
    const impact = within(view).getByRole("region", { name: "Quantified impact" });
    expect(within(impact).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["close: 5 days → 1", "payout errors halved"]);
    expect(within(impact).getByText("5 days → 1").tagName).toBe("STRONG");
    expect(within(view).getByRole("region", { name: "Mentorship" })).toHaveTextContent("Nothing written in this version.");
    const gaps = within(view).getByRole("region", { name: "Known gaps" });
    expect(within(gaps).getByText("year").tagName).toBe("EM");
    expect(gaps).toHaveTextContent("Wait for October <script>alert(1)</script>");
    expect(gaps.querySelector("script, a")).toBeNull();
    expect(within(gaps).queryByRole("button")).not.toBeInTheDocument();
    await app.user.click(within(view).getByRole("button", { name: "Ledger design" }));
    await waitFor(() => expect(openExternalLink).toHaveBeenCalledWith("https://docs.example.com/ledger"));

    await app.user.selectOptions(getByLabel("Version to read"), "Version 1 (28 Aug 2026)");
    expect(within(screen.getByTestId("packet-view")).getByRole("region", { name: "Known gaps" })).toHaveTextContent("Nothing written in this version.");

    // The comparison shows the lines as written, markers and all.
    const region = await screen.findByRole("region", { name: "Changes from version 1 to version 2" });
    expect(within(region).getByTestId("diff-line-added")).toHaveTextContent("- close: **5 days → 1**");
    expect(within(region).queryByRole("listitem", { name: /close/ })).not.toBeInTheDocument();
    expect(within(region).getByTestId("diff-line-added").querySelector("strong")).toBeNull();
  });

  it("shows an archived report's latest packet to read, not to edit", async () => {
    const app = await openCandidate({ getReport: () => Promise.resolve(ok({ ...ADA, archivedAt: "2026-11-01T09:00:00Z" })) });
    await openTab(app.user, "Packet");

    expect(await screen.findByText(/The packet cannot be changed while the report is archived\. Version 2, the latest:/)).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Packet" })).not.toBeInTheDocument();
    const panel = screen.getByRole("tabpanel", { name: "Packet" });
    const gaps = within(within(panel).getByTestId("packet-view")).getByRole("region", { name: "Known gaps" });
    expect(gaps).toHaveTextContent("Not a year in production yet");
    expect(gaps).toHaveTextContent("The ledger reaches a year in production in October.");
  });
});
