import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { OriginLink } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { ADA, EV_LEDGER, EV_ONCALL, MS_MENTORSHIP_BOB, OO_ONES, ok, ooDay } from "../../test/fixtures";
import { renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const ORIGINS: OriginLink[] = [
  { targetKind: "evidence", targetId: "e-ledger", origin: { source: "note", sourceId: "n-seen", meetingId: "mt-3", heldOn: ooDay(-7) } },
  { targetKind: "feedback", targetId: "f-bob-positive", origin: { source: "agenda_item", sourceId: "ag-packet", meetingId: null, heldOn: null } },
];

describe("From the 1:1", () => {
  it("links evidence made in a 1:1 back to that 1:1", async () => {
    const app = renderApp(`/reports/${ADA.id}/evidence`, {
      getReport: () => Promise.resolve(ok(ADA)),
      listEvidence: () => Promise.resolve(ok([EV_LEDGER, EV_ONCALL])),
      listOneOnOneOrigins: () => Promise.resolve(ok(ORIGINS)),
      listOneOnOnes: () => Promise.resolve(ok(OO_ONES)),
    });
    const ledger = await screen.findByRole("article", { name: "Ledger migration" });
    const link = await within(ledger).findByRole("link", { name: `From the 1:1 on ${formatDate(ooDay(-7))}` });
    expect(link).toHaveAttribute("href", `/reports/${ADA.id}/one-on-ones`);
    expect(within(screen.getByRole("article", { name: "On-call handbook" })).queryByTestId("from-one-on-one")).not.toBeInTheDocument();

    await app.user.click(link);
    expect(app.path()).toBe(`/reports/${ADA.id}/one-on-ones`);
    const meeting = await screen.findByTestId("meeting-mt-3");
    await waitFor(() => expect(meeting).toHaveFocus());
  });

  it("links feedback made from a 1:1 item back to the 1:1s", async () => {
    renderApp(`/reports/${ADA.id}/mentorship`, {
      getReport: () => Promise.resolve(ok(ADA)),
      listMentorships: () => Promise.resolve(ok([MS_MENTORSHIP_BOB])),
      listOneOnOneOrigins: () => Promise.resolve(ok(ORIGINS)),
    });
    const entry = await screen.findByTestId("feedback-f-bob-positive");
    expect(await within(entry).findByRole("link", { name: "From a 1:1 agenda item" })).toHaveAttribute("href", `/reports/${ADA.id}/one-on-ones`);
    expect(within(screen.getByTestId("feedback-f-bob-negative")).queryByTestId("from-one-on-one")).not.toBeInTheDocument();
  });
});
