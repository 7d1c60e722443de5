import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ReadinessDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import type { ReportRadar } from "../../bindings";
import { ADA, CY_ADA_CANDIDATE, CY_CYCLE, CY_LATER_CYCLE, CY_RADAR, CY_RULE_TALK, EV_LEDGER, invalid, ok } from "../../test/fixtures";
import { getByLabel } from "../../test/render";
import { fill, openCandidate, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

describe("CandidatePage", () => {
  it("shows who, for which level, in which cycle, and the candidacy at a glance", async () => {
    await openCandidate();

    expect(screen.getByRole("link", { name: ADA.name })).toHaveAttribute("href", `/reports/${ADA.id}`);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Ada Lovelace → Senior Staff");
    const cycle = screen.getByTestId("candidate-cycle");
    expect(within(cycle).getByRole("link", { name: CY_CYCLE.name })).toHaveAttribute("href", `/cycles/${CY_CYCLE.id}`);
    expect(cycle).toHaveTextContent("packet due 15 Feb 2027");
    expect(cycle).toHaveTextContent("calibration 15 Mar 2027");

    const summary = screen.getByTestId("candidate-summary");
    expect(summary).toHaveTextContent("Undecided");
    expect(summary).toHaveTextContent("Version 2, saved 20 Oct 2026");
    expect(summary).toHaveTextContent("0 met · 1 unmet · 1 unknown");
    expect(summary).toHaveTextContent("1 high");
    expect(summary).toHaveTextContent("1 medium");
    await waitFor(() => expect(within(summary).getByTestId("key-role-staff_peer")).toHaveTextContent("Staff-level peer: reviewed 2 Oct 2026"));
    expect(within(summary).getByTestId("key-role-manager")).toHaveTextContent("Manager: missing");
    expect(within(summary).getByTestId("key-role-skip_level")).toHaveTextContent("Skip-level: missing");
  });

  it("asks the core for a not-ready call's reason, cycle and actions and shows each one at its field", async () => {
    const setReadiness = vi.fn<Commands["setReadiness"]>(() =>
      Promise.resolve(
        invalid("The readiness call has 2 problems.", {
          expectedCycle: "Say which cycle is expected instead.",
          actions: "Say what will be done before then.",
        }),
      ),
    );
    const app = await openCandidate({ setReadiness });

    await app.user.click(screen.getByRole("button", { name: "Change the readiness call" }));
    const form = await screen.findByRole("form", { name: "Readiness call" });
    await app.user.click(within(form).getByRole("radio", { name: /Not ready/ }));
    await fill(app.user, getByLabel("Reason", form), "No year in production yet.");
    await app.user.click(within(form).getByRole("button", { name: "Save the call" }));

    await waitFor(() => expect(setReadiness).toHaveBeenCalledTimes(1));
    expect(setReadiness).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id, CY_ADA_CANDIDATE.version, {
      readiness: "not_ready",
      reason: "No year in production yet.",
      expectedCycle: "",
      actions: "",
    } satisfies ReadinessDraft);
    expect(await within(form).findByTestId("error-expectedCycle")).toHaveTextContent("Say which cycle is expected instead.");
    expect(within(form).getByTestId("error-actions")).toHaveTextContent("Say what will be done before then.");
    expect(getByLabel("Expected cycle", form)).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(getByLabel("Expected cycle", form)).toHaveFocus());
    expect(getByLabel("Reason", form)).toHaveValue("No year in production yet.");
    expect(within(form).getByRole("radio", { name: /Not ready/ })).toBeChecked();
  });

  it("lists the rules of thumb and records the manager's own call on a rule without a machine check", async () => {
    const setRuleCheck = vi.fn<Commands["setRuleCheck"]>(() => Promise.resolve(ok(null)));
    const app = await openCandidate({ setRuleCheck });
    await openTab(app.user, "Rules of thumb");

    const items = screen.getAllByTestId("checklist-item");
    expect(items).toHaveLength(2);
    const prod = screen.getByRole("article", { name: CY_RADAR.checklist[0]!.wording });
    expect(prod).toHaveTextContent("Confirmed");
    expect(prod).toHaveTextContent("Machine check: Their top work (led or co-led, with quantified impact) has run in production for at least 12 months by calibration");
    expect(within(prod).getByTestId("check-status")).toHaveTextContent("Unmet");
    expect(prod).toHaveTextContent("Ledger migration: 5 months in production by calibration.");
    // The evidence the check judged, as a link that opens it.
    expect(within(prod).getByTestId("check-record")).toHaveTextContent("Falls short on: Evidence: Ledger migration");
    expect(within(prod).getByRole("link", { name: "Evidence: Ledger migration" })).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);
    // Machine-checked rules are judged by the radar, not by hand.
    expect(within(prod).queryByRole("button", { name: /Mark/ })).not.toBeInTheDocument();

    const talk = screen.getByRole("article", { name: CY_RULE_TALK.wording });
    expect(within(talk).queryByTestId("check-record")).not.toBeInTheDocument();
    expect(talk).toHaveTextContent("Hearsay");
    expect(talk).toHaveTextContent("No machine check: your own call");
    expect(within(talk).getByTestId("check-status")).toHaveTextContent("Unknown");
    await app.user.click(within(talk).getByRole("button", { name: `Mark “${CY_RULE_TALK.wording}” met` }));
    const form = within(talk).getByRole("form", { name: `Mark “${CY_RULE_TALK.wording}” met` });
    expect(getByLabel("Note", form)).toHaveFocus();
    await fill(app.user, getByLabel("Note", form), "Spoke at the October all-hands.");
    await app.user.click(within(form).getByRole("button", { name: "Mark met" }));

    await waitFor(() => expect(setRuleCheck).toHaveBeenCalledTimes(1));
    expect(setRuleCheck).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id, CY_RULE_TALK.id, "met", "Spoke at the October all-hands.");
    await waitFor(() => expect(within(talk).queryByRole("form")).not.toBeInTheDocument());
  });

  it("links the evidence that met a check, and opens it on the report's evidence tab", async () => {
    const met: ReportRadar = {
      ...CY_RADAR,
      checklist: [
        {
          ruleId: "rule-staff-project",
          wording: "Where is the staff project?",
          confirmed: true,
          check: { check: "led_evidence_of_kind", kinds: ["project", "cross_functional_support"] },
          status: "met",
          detail: "Led “Ledger migration”.",
          record: { kind: "evidence", id: EV_LEDGER.id, title: EV_LEDGER.title, reportId: null },
        },
      ],
    };
    const app = await openCandidate({ reportRadar: () => Promise.resolve(ok(met)), getReport: () => Promise.resolve(ok(ADA)) });
    await openTab(app.user, "Rules of thumb");

    const item = screen.getByRole("article", { name: "Where is the staff project?" });
    expect(item).toHaveTextContent("Machine check: They led a project or cross-functional support");
    expect(within(item).getByTestId("check-record")).toHaveTextContent("Met by: Evidence: Ledger migration");
    await app.user.click(within(item).getByRole("link", { name: "Evidence: Ledger migration" }));
    await waitFor(() => expect(app.path()).toBe(`/reports/${ADA.id}/evidence`));
  });

  it("says the checklist follows the next cycle when the radar judges another candidacy", async () => {
    const next = { ...CY_ADA_CANDIDATE, id: "cand-ada-later", cycleId: CY_LATER_CYCLE.id };
    const app = await openCandidate({
      reportRadar: () => Promise.resolve(ok({ ...CY_RADAR, candidacy: next, cycle: CY_LATER_CYCLE })),
    });
    await openTab(app.user, "Rules of thumb");
    const note = screen.getByTestId("checklist-elsewhere");
    expect(note).toHaveTextContent("The checklist follows the next cycle");
    expect(within(note).getByRole("link", { name: CY_LATER_CYCLE.name })).toHaveAttribute("href", "/candidates/cand-ada-later");
    expect(screen.queryByTestId("checklist-item")).not.toBeInTheDocument();
  });

  it("lists the open signals with a link to the Radar tab", async () => {
    const app = await openCandidate();
    await openTab(app.user, "Signals (2)");
    const signals = screen.getAllByTestId("signal");
    expect(signals).toHaveLength(2);
    expect(signals[0]).toHaveTextContent("No staff-level peer has reviewed the packet.");
    expect(screen.getByText("1 acknowledged or snoozed signal is on the Radar tab.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open Ada Lovelace's radar" })).toHaveAttribute("href", `/reports/${ADA.id}/radar`);
  });
});
