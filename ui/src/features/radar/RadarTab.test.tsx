import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { AckDraft, Signal } from "../../bindings";
import type { Commands, CommandOverrides } from "../../test/commands";
import {
  ADA,
  RD_ACK,
  RD_MANAGER_CHANGE,
  RD_RADAR,
  RD_SIG_MANAGER,
  RD_SIG_NO_DRAFT,
  RD_SIG_SEEN,
  invalid,
  ok,
} from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { RULE_LABELS } from "./signals";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

async function openRadar(overrides: CommandOverrides = {}) {
  const app = renderApp(`/reports/${ADA.id}/radar`, {
    getReport: () => Promise.resolve(ok(ADA)),
    reportRadar: () => Promise.resolve(ok(RD_RADAR)),
    ...overrides,
  });
  const tab = await screen.findByTestId("radar-tab");
  if (!overrides.reportRadar) await within(tab).findAllByTestId("signal");
  return { ...app, tab };
}

const signal = (message: string) => screen.getByRole("article", { name: message });
const messages = (section: HTMLElement) => within(section).getAllByTestId("signal").map((s) => s.getAttribute("data-rule"));

describe("RadarTab", { timeout: 15_000 }, () => {
  it("groups open signals by severity, with when each first fired and its lead time, and keeps acknowledged ones apart", async () => {
    const { tab } = await openRadar();

    expect(within(tab).getByTestId("judged-against")).toHaveTextContent(
      "Judged against the candidacy for Senior Staff in H1 2026: packet due 1 May 2026, calibration 15 Jun 2026.",
    );
    expect(within(tab).getByTestId("radar-summary")).toHaveTextContent("4 open signals: 2 high, 1 medium, 1 low; 1 acknowledged or snoozed.");
    const high = within(tab).getByRole("region", { name: "High severity (2)" });
    expect(messages(high)).toEqual(["packet.no_draft", "cycle.manager_changed"]);
    expect(messages(within(tab).getByRole("region", { name: "Medium severity (1)" }))).toEqual(["visibility.seen_share_low"]);
    expect(messages(within(tab).getByRole("region", { name: "Low severity (1)" }))).toEqual(["evidence.unquantified"]);

    const noDraft = signal(RD_SIG_NO_DRAFT.message);
    expect(noDraft).toHaveTextContent("since 15 Feb 2026");
    // The rule in words, never its code id.
    expect(noDraft).not.toHaveTextContent("packet.no_draft");
    expect(within(noDraft).getByTestId("lead-time")).toHaveTextContent("appeared 120 days before calibration");
    expect(noDraft).toHaveTextContent(`What to do: ${RD_SIG_NO_DRAFT.action}`);

    const acked = within(tab).getByRole("region", { name: "Acknowledged or snoozed (1)" });
    expect(messages(acked)).toEqual(["advocates.none"]);
    expect(within(acked).getByTestId("ack-state")).toHaveTextContent("Acknowledged on 10 Feb 2026: Omar agreed to speak for the ledger work.");
    expect(within(acked).queryByRole("button", { name: "Acknowledge" })).not.toBeInTheDocument();
  });

  it("names a record the radar cannot read, with its rule's label", async () => {
    const unreadable: Signal = {
      ...RD_SIG_SEEN,
      rule: "record.unreadable",
      severity: "high",
      message: "A stored record cannot be read, so the radar left it out: evidence “Ledger migration”, field started_on.",
      causes: [],
      action: "Correct the record (or restore a backup from before it changed); until then the signals here do not count it.",
      causeKey: "record.unreadable|evidence:e-ledger:started_on",
    };
    const { tab } = await openRadar({ reportRadar: () => Promise.resolve(ok({ ...RD_RADAR, signals: [unreadable] })) });

    const card = await within(tab).findByRole("article", { name: unreadable.message });
    expect(card).toHaveTextContent("Record cannot be read · since");
    expect(card).not.toHaveTextContent("record.unreadable");
    expect(card).toHaveTextContent(`What to do: ${unreadable.action}`);
    expect(RULE_LABELS["record.unreadable"]).toBe("Record cannot be read");
  });

  it("shows when during the cycle the work mix drifted, even once the radar's window has moved past it", async () => {
    const drifted = { ...RD_RADAR, signals: [], drifted: [{ from: "2025-11-10", until: "2026-01-20" }, { from: "2026-02-03", until: null }] };
    const { tab } = await openRadar({ reportRadar: () => Promise.resolve(ok(drifted)) });

    const history = await within(tab).findByRole("region", { name: "Work-mix drift during the cycle" });
    expect(within(history).getAllByTestId("drift-period").map((p) => p.textContent)).toEqual([
      "Work mix drifted Nov 2025 – Jan 2026",
      "Work mix drifting since Feb 2026",
    ]);
    expect(history).toHaveTextContent("snacking, preening or chasing ghosts");
    expect(within(history).getByRole("link", { name: "See the evidence" })).toHaveAttribute("href", `/reports/${ADA.id}/evidence`);
    // Nothing open on the radar today does not hide it.
    expect(within(tab).getByTestId("radar-empty")).toBeInTheDocument();
  });

  it("shows no drift history when the work mix never drifted", async () => {
    const { tab } = await openRadar();
    expect(within(tab).queryByTestId("drift-history")).not.toBeInTheDocument();
  });

  it("links each cause to its record and brings it into view", async () => {
    const app = await openRadar({ listManagerChanges: () => Promise.resolve(ok([RD_MANAGER_CHANGE])) });

    const seen = signal("Only 0 of 2 evidence items have been seen by the committee.");
    expect(within(seen).getAllByTestId("cause-link").map((a) => a.getAttribute("href"))).toEqual([
      `/reports/${ADA.id}/evidence`,
      `/reports/${ADA.id}/evidence`,
    ]);
    expect(within(signal(RD_SIG_NO_DRAFT.message)).getByRole("link", { name: "Candidacy: H1 2026" })).toHaveAttribute("href", "/candidates/cand-ada");

    await app.user.click(within(signal(RD_SIG_MANAGER.message)).getByRole("link", { name: "Manager change: Grace Hopper" }));
    expect(app.path()).toBe(`/reports/${ADA.id}`);
    const entry = await screen.findByTestId("manager-change");
    expect(entry).toHaveAttribute("id", `record-${RD_MANAGER_CHANGE.id}`);
    await waitFor(() => expect(entry).toHaveFocus());
  });

  it("links the other side of a duplicate claim to the other report's evidence", async () => {
    const duplicate = {
      ...RD_SIG_SEEN,
      rule: "evidence.duplicate_lead" as const,
      severity: "high" as const,
      message: "Grace Hopper is also recorded as having led “Ledger migration”.",
      causes: [
        { kind: "evidence" as const, id: "e-ledger", title: "Ledger migration", reportId: null },
        { kind: "evidence" as const, id: "e-grace", title: "Ledger migration (Grace Hopper)", reportId: "r-grace" },
      ],
      causeKey: "evidence.duplicate_lead|e-ledger:e-grace",
    };
    await openRadar({ reportRadar: () => Promise.resolve(ok({ ...RD_RADAR, signals: [duplicate] })) });
    const links = within(await screen.findByRole("article", { name: duplicate.message })).getAllByTestId("cause-link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual([`/reports/${ADA.id}/evidence`, "/reports/r-grace/evidence"]);
  });

  it("acknowledges a signal with a reason, sending exactly the draft", async () => {
    const acknowledgeSignal = vi.fn<Commands["acknowledgeSignal"]>(() => Promise.resolve(ok(RD_ACK)));
    const app = await openRadar({ acknowledgeSignal });

    const noDraft = signal(RD_SIG_NO_DRAFT.message);
    await app.user.click(within(noDraft).getByRole("button", { name: "Acknowledge" }));
    const form = within(noDraft).getByRole("form", { name: "Acknowledge the signal" });
    expect(getByLabel("Reason", form)).toHaveFocus();
    expect(within(form).queryByLabelText(/Snooze until/)).not.toBeInTheDocument();
    await app.user.paste("Draft started in our 1:1; first version due Friday.");
    await app.user.click(within(form).getByRole("button", { name: "Acknowledge" }));

    await waitFor(() => expect(acknowledgeSignal).toHaveBeenCalledTimes(1));
    expect(acknowledgeSignal).toHaveBeenCalledWith(ADA.id, {
      rule: "packet.no_draft",
      causeKey: "packet.no_draft|cand-ada",
      action: "acknowledged",
      reason: "Draft started in our 1:1; first version due Friday.",
      until: "",
    } satisfies AckDraft);
    await waitFor(() => expect(within(noDraft).queryByRole("form")).not.toBeInTheDocument());

    // Clicked by mistake: the notice's Undo takes it back.
    const undoSignalAck = app.commands.undoSignalAck.mockResolvedValue(ok(null));
    await app.user.click(await screen.findByTestId("undo-ack"));
    await waitFor(() => expect(undoSignalAck).toHaveBeenCalledWith(ADA.id, RD_ACK.id));
    expect(await screen.findByText(`Undone: “${RD_SIG_NO_DRAFT.message}” is open again.`)).toBeInTheDocument();
  });

  it("shows the core's complaint when a snooze has no date, keeping the reason", async () => {
    const acknowledgeSignal = vi.fn<Commands["acknowledgeSignal"]>(() =>
      Promise.resolve(invalid("The acknowledgement has 1 problem.", { until: "Snooze until must be a date like 2026-03-01." })),
    );
    const app = await openRadar({ acknowledgeSignal });

    const manager = signal(RD_SIG_MANAGER.message);
    await app.user.click(within(manager).getByRole("button", { name: "Snooze" }));
    const form = within(manager).getByRole("form", { name: "Snooze the signal" });
    await app.user.paste("Grace has seen the ledger demo; revisit after the handover.");
    await app.user.click(within(form).getByRole("button", { name: "Snooze" }));

    expect(await within(form).findByTestId("error-until")).toHaveTextContent("Snooze until must be a date like 2026-03-01.");
    expect(acknowledgeSignal).toHaveBeenCalledWith(ADA.id, {
      rule: "cycle.manager_changed",
      causeKey: "cycle.manager_changed|mc-grace",
      action: "snoozed",
      reason: "Grace has seen the ledger demo; revisit after the handover.",
      until: "",
    } satisfies AckDraft);
    await waitFor(() => expect(getByLabel("Snooze until", form)).toHaveFocus());
    expect(getByLabel("Reason", form)).toHaveValue("Grace has seen the ledger demo; revisit after the handover.");

    // Leaving the form asks first, then returns to the button that opened it.
    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));
    await app.user.click(within(form).getByRole("button", { name: "Discard changes" }));
    await waitFor(() => expect(within(manager).getByRole("button", { name: "Snooze" })).toHaveFocus());
  });

  it("replays the radar as of a typed date, and back to today", async () => {
    const reportRadar = vi.fn<Commands["reportRadar"]>((_id, asOf) =>
      Promise.resolve(
        asOf === "nonsense"
          ? invalid("The date is not valid.", { asOf: "As of must be a date like 2026-03-01." })
          : ok({ ...RD_RADAR, asOf: asOf || RD_RADAR.asOf, signals: asOf ? [RD_SIG_MANAGER] : RD_RADAR.signals }),
      ),
    );
    const app = await openRadar({ reportRadar });
    await within(app.tab).findAllByTestId("signal");
    expect(reportRadar).toHaveBeenLastCalledWith(ADA.id, "");

    const asOf = getByLabel("As of", app.tab);
    await app.user.click(asOf);
    await app.user.paste("2026-02-05");
    await waitFor(() => expect(reportRadar).toHaveBeenLastCalledWith(ADA.id, "2026-02-05"));
    expect(await within(app.tab).findByTestId("radar-as-of")).toHaveTextContent("Replayed as of 5 Feb 2026");
    await waitFor(() => expect(within(app.tab).getAllByTestId("signal")).toHaveLength(1));
    // The past is read-only: acknowledging is for today's radar.
    expect(within(app.tab).queryByRole("button", { name: "Acknowledge" })).not.toBeInTheDocument();

    await app.user.click(within(app.tab).getByRole("button", { name: "Today" }));
    expect(asOf).toHaveValue("");
    await waitFor(() => expect(within(app.tab).getByTestId("radar-as-of")).toHaveTextContent("Today, 2 Mar 2026"));
    await waitFor(() => expect(within(app.tab).getAllByTestId("signal")).toHaveLength(5));

    await app.user.click(asOf);
    await app.user.paste("nonsense");
    await app.user.keyboard("{Enter}");
    expect(await within(app.tab).findByTestId("error-asOf")).toHaveTextContent("As of must be a date like 2026-03-01.");
    expect(asOf).toHaveAttribute("aria-invalid", "true");
  });

  it("draws one marker per signal on the timeline, each with a title, and the same dates as a table", async () => {
    const { tab } = await openRadar();
    const chart = within(tab).getByTestId("signal-timeline");
    const markers = within(chart).getAllByTestId("timeline-marker");
    expect(markers).toHaveLength(RD_RADAR.signals.length);
    expect(markers.map((m) => m.getAttribute("data-severity"))).toEqual(["medium", "medium", "high", "high", "low"]);
    expect(markers[2]?.querySelector("title")).toHaveTextContent(
      "Manager changed inside the cycle (2026-02-01): Grace Hopper. (high severity) First fired 1 Feb 2026, 134 days before calibration.",
    );
    expect(within(chart).getByRole("img")).toHaveAccessibleName(/^Timeline of 5 signals/);
    const rows = within(within(chart).getByTestId("signal-timeline-table")).getAllByRole("row");
    expect(rows).toHaveLength(RD_RADAR.signals.length + 1);
    expect(rows[1]).toHaveTextContent("Only 0 of 2 evidence items have been seen by the committee.Medium10 Jan 2026156");
  });

  it("says there is nothing on the radar, what it checks, and that a non-candidate gets record-level signals only", async () => {
    const { tab } = await openRadar({ reportRadar: (id, asOf) => Promise.resolve(ok({ ...RD_RADAR, reportId: id, asOf: asOf || "2026-03-02", candidacy: null, cycle: null, signals: [] })) });
    const empty = await within(tab).findByTestId("radar-empty");
    expect(empty).toHaveTextContent("Nothing on the radar");
    expect(empty).toHaveTextContent("As of 2 Mar 2026, none of the radar's checks fired for Ada Lovelace: nothing to act on.");
    expect(empty).toHaveTextContent("replay an earlier date above to see what it showed then");
    expect(empty).toHaveTextContent("a manager or ladder change inside the cycle");
    expect(within(tab).getByTestId("judged-against")).toHaveTextContent("Not a candidate: record-level signals only");
    expect(within(tab).queryByTestId("signal-timeline")).not.toBeInTheDocument();
  });

  it("keeps the history of acknowledgements in a list that opens on demand", async () => {
    const { tab, user } = await openRadar({ listSignalAcks: () => Promise.resolve(ok([RD_ACK])) });
    const toggle = await within(tab).findByRole("button", { name: "History of acknowledgements (1)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const entry = within(tab).getByTestId("ack-entry");
    expect(entry).toHaveTextContent("10 Feb 2026 acknowledged — No leader is recorded as ready to speak for their work.");
    expect(entry).toHaveTextContent("Omar agreed to speak for the ledger work.");
    // It covers no signal any more (none of them carries it): nothing to undo.
    expect(within(entry).queryByRole("button", { name: /^Undo/ })).not.toBeInTheDocument();
  });

  it("undoes the acknowledgement that covers a signal now, from the history", async () => {
    const covered = {
      ...RD_RADAR.signals[0],
      causeKey: RD_ACK.causeKey,
      ack: { action: RD_ACK.action, reason: RD_ACK.reason, ackedOn: RD_ACK.ackedOn, until: RD_ACK.until },
    } as (typeof RD_RADAR.signals)[number];
    const { tab, user, commands } = await openRadar({
      reportRadar: () => Promise.resolve(ok({ ...RD_RADAR, signals: [covered] })),
      listSignalAcks: () => Promise.resolve(ok([RD_ACK])),
    });
    commands.undoSignalAck.mockResolvedValue(ok(null));
    await user.click(await within(tab).findByRole("button", { name: "History of acknowledgements (1)" }));
    await user.click(await within(tab).findByRole("button", { name: "Undo the acknowledgement of 10 Feb 2026" }));
    await waitFor(() => expect(commands.undoSignalAck).toHaveBeenCalledWith(ADA.id, RD_ACK.id));
  });
});
