import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { PacketReview, ReviewDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { CY_ADA_CANDIDATE, CY_PRIYA, CY_REVIEW_PEER, CY_REVIEW_SKIP, CY_RULE_PROD, CY_RULE_TALK, NINA, ok, personRef } from "../../test/fixtures";
import { getByLabel } from "../../test/render";
import { choosePerson, fill, openCandidate, openTab } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const panel = () => screen.getByRole("tabpanel", { name: "Reviews" });

describe("Packet reviews", () => {
  it("shows each round and which key reviews are in, awaited or missing", async () => {
    const app = await openCandidate({ listReviews: () => Promise.resolve(ok([CY_REVIEW_PEER, CY_REVIEW_SKIP])) });
    await openTab(app.user, "Reviews");

    const roles = within(panel()).getByTestId("key-roles");
    expect(within(roles).getByTestId("key-role-staff_peer")).toHaveAttribute("data-state", "received");
    expect(within(roles).getByTestId("key-role-manager")).toHaveTextContent("Manager: missing");
    expect(within(roles).getByTestId("key-role-skip_level")).toHaveTextContent("Skip-level: asked 25 Oct 2026, awaited");

    const priya = within(panel()).getByRole("article", { name: "Review by Priya Raman" });
    expect(priya).toHaveTextContent("Staff-level peer");
    expect(priya).toHaveTextContent("Received 2 Oct 2026");
    expect(priya).toHaveTextContent("Version 1 · requested 1 Oct 2026");
    expect(within(priya).getByTestId("revealed-rule")).toHaveTextContent(`Revealed a rule of thumb: “${CY_RULE_PROD.wording}”`);
    const nina = within(panel()).getByRole("article", { name: "Review by Nina Patel" });
    expect(nina).toHaveTextContent("Awaited");
    expect(nina).toHaveTextContent("Waiting for their comments.");
  });

  it("adds a review round with exactly the draft chosen", async () => {
    const stored: PacketReview[] = [CY_REVIEW_PEER];
    const addReview = vi.fn<Commands["addReview"]>((candidateId, draft) => {
      const created: PacketReview = {
        ...CY_REVIEW_SKIP,
        id: "rev-new",
        candidateId,
        reviewer: personRef(NINA),
        reviewerRole: draft.reviewerRole ?? "manager",
        receivedOn: draft.receivedOn || null,
        comments: draft.comments,
      };
      stored.push(created);
      return Promise.resolve(ok(created));
    });
    const app = await openCandidate({ addReview, listReviews: () => Promise.resolve(ok([...stored])) });
    await openTab(app.user, "Reviews");

    await app.user.click(within(panel()).getByRole("button", { name: "Add review" }));
    const form = within(panel()).getByRole("form", { name: "New review" });
    const f = (label: string) => getByLabel(label, form);
    // The latest version is the one being reviewed, asked for today.
    expect(f("Version reviewed")).toHaveDisplayValue("Version 2");
    await choosePerson(app.user, within(form).getByRole("combobox", { name: "Reviewer" }), "Nin", "Nina Patel — Director of Engineering");
    await app.user.selectOptions(f("Reviewer's role"), "Skip-level");
    await app.user.clear(f("Requested on"));
    await fill(app.user, f("Requested on"), "2026-11-01");
    await fill(app.user, f("Received on"), "2026-11-10");
    await fill(app.user, f("Comments"), "Needs the cross-team impact spelled out.");
    await app.user.selectOptions(f("Rule of thumb it revealed"), `${CY_RULE_TALK.wording} (hearsay)`);
    await app.user.click(within(form).getByRole("button", { name: "Add review" }));

    await waitFor(() => expect(addReview).toHaveBeenCalledTimes(1));
    expect(addReview).toHaveBeenCalledWith(CY_ADA_CANDIDATE.id, {
      reviewerId: NINA.id,
      reviewerRole: "skip_level",
      versionNumber: 2,
      requestedOn: "2026-11-01",
      receivedOn: "2026-11-10",
      comments: "Needs the cross-team impact spelled out.",
      revealedRuleId: CY_RULE_TALK.id,
    } satisfies ReviewDraft);
    await waitFor(() => expect(within(panel()).queryByRole("form", { name: "New review" })).not.toBeInTheDocument());
    expect(await within(panel()).findByRole("article", { name: "Review by Nina Patel" })).toBeInTheDocument();
  }, 15_000);

  it("edits a round against its version", async () => {
    const updateReview = vi.fn<Commands["updateReview"]>((id, _v, draft) =>
      Promise.resolve(ok({ ...CY_REVIEW_PEER, id, comments: draft.comments, version: 2 })),
    );
    const app = await openCandidate({ updateReview, listPeople: () => Promise.resolve(ok([CY_PRIYA, NINA])) });
    await openTab(app.user, "Reviews");

    await app.user.click(within(panel()).getByRole("button", { name: "Edit the staff-level peer review by Priya Raman" }));
    const form = within(panel()).getByRole("form", { name: "Edit review by Priya Raman" });
    await fill(app.user, getByLabel("Comments", form), " And who else led it?");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(updateReview).toHaveBeenCalledTimes(1));
    expect(updateReview).toHaveBeenCalledWith(CY_REVIEW_PEER.id, CY_REVIEW_PEER.version, {
      reviewerId: CY_PRIYA.id,
      reviewerRole: "staff_peer",
      versionNumber: 1,
      requestedOn: CY_REVIEW_PEER.requestedOn,
      receivedOn: "2026-10-02",
      comments: "Where is the year in production? And who else led it?",
      revealedRuleId: CY_RULE_PROD.id,
    });
  });
});
