import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { FeedbackDraft, Mentorship } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import {
  ADA,
  MS_BOB_NEGATIVE,
  MS_BOB_POSITIVE,
  MS_CAROL_NEGATIVE_ADDRESSED,
  MS_MENTORSHIP_BOB,
  MS_MENTORSHIP_CAROL,
  ok,
} from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function openOverview(mentorships: Mentorship[], overrides: CommandOverrides = {}) {
  return renderApp(`/reports/${ADA.id}`, {
    getReport: () => Promise.resolve(ok(ADA)),
    listMentorships: () => Promise.resolve(ok(mentorships)),
    ...overrides,
  });
}

describe("NegativeFeedbackCard", () => {
  it("lists only unaddressed negative feedback, across mentorships, waiting longest first", async () => {
    openOverview([MS_MENTORSHIP_BOB, MS_MENTORSHIP_CAROL]);

    const card = await screen.findByRole("region", { name: /Needs attention: negative mentee feedback not addressed \(2\)/ });
    const items = within(card).getAllByRole("listitem");
    expect(items.map((i) => i.getAttribute("data-testid"))).toEqual(["negative-f-carol-negative", "negative-f-bob-negative"]);
    expect(items[0]).toHaveTextContent("Carol Shaw · 2 May 2024 · A survey");
    expect(items[0]).toHaveTextContent("Ada rarely had time for me.");
    expect(items[1]).toHaveTextContent("Bob Kahn · 10 Feb 2025 · The mentee, directly");
    expect(within(items[1]!).getByText(MS_BOB_NEGATIVE.words).tagName).toBe("BLOCKQUOTE");
    // Addressed negative, mixed and positive feedback are not here.
    expect(card).not.toHaveTextContent(MS_CAROL_NEGATIVE_ADDRESSED.words);
    expect(card).not.toHaveTextContent("Helpful, but always rushed.");
    expect(card).not.toHaveTextContent("the pace was uneven");
    expect(card).not.toHaveTextContent(MS_BOB_POSITIVE.words);
    expect(within(card).getAllByRole("button", { name: /^Mark addressed/ })).toHaveLength(2);
  });

  it("marks an entry addressed from the overview, with the full draft and its version", async () => {
    let stored = [MS_MENTORSHIP_BOB];
    const updateFeedback = vi.fn<Commands["updateFeedback"]>((id, _version, draft) => {
      stored = [
        {
          ...MS_MENTORSHIP_BOB,
          feedback: MS_MENTORSHIP_BOB.feedback.map((f) =>
            f.id === id ? { ...f, addressedOn: draft.addressedOn, addressedAction: draft.addressedAction } : f,
          ),
        },
      ];
      return Promise.resolve(ok(stored[0]!));
    });
    const app = openOverview([], { listMentorships: () => Promise.resolve(ok(stored)), updateFeedback });

    const card = await screen.findByTestId("negative-feedback-card");
    await app.user.click(within(card).getByRole("button", { name: "Mark addressed: feedback from Bob Kahn, 10 Feb 2025" }));
    const dialog = await screen.findByRole("dialog", { name: "Mark feedback addressed" });
    await app.user.type(getByLabel("What was done", dialog), "Talked it through; weekly slot agreed.");
    await app.user.clear(getByLabel("Addressed on", dialog));
    await app.user.type(getByLabel("Addressed on", dialog), "2025-02-14");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(updateFeedback).toHaveBeenCalledTimes(1));
    expect(updateFeedback).toHaveBeenCalledWith(MS_BOB_NEGATIVE.id, MS_BOB_NEGATIVE.version, {
      receivedOn: MS_BOB_NEGATIVE.receivedOn,
      source: MS_BOB_NEGATIVE.source,
      sentiment: "negative",
      words: MS_BOB_NEGATIVE.words,
      quotable: false,
      addressedOn: "2025-02-14",
      addressedAction: "Talked it through; weekly slot agreed.",
    } satisfies FeedbackDraft);
    expect(await screen.findByText("No unaddressed negative mentee feedback")).toBeInTheDocument();
    expect(screen.queryByTestId("negative-feedback-card")).not.toBeInTheDocument();
  });

  it("says quietly that nothing is waiting when all negative feedback was addressed", async () => {
    openOverview([{ ...MS_MENTORSHIP_BOB, feedback: [MS_BOB_POSITIVE, MS_CAROL_NEGATIVE_ADDRESSED] }]);

    expect(await screen.findByTestId("negative-feedback-none")).toHaveTextContent("No unaddressed negative mentee feedback");
    expect(screen.queryByTestId("negative-feedback-card")).not.toBeInTheDocument();
  });

  it("shows nothing when the report mentors nobody", async () => {
    const app = openOverview([]);

    await screen.findByRole("heading", { name: "Ada Lovelace" });
    await waitFor(() => expect(app.commands.listMentorships).toHaveBeenCalled());
    expect(screen.queryByTestId("negative-feedback-none")).not.toBeInTheDocument();
    expect(screen.queryByTestId("negative-feedback-card")).not.toBeInTheDocument();
  });

  it("opens the entry in the Mentorship tab, brought into view", async () => {
    const app = openOverview([MS_MENTORSHIP_BOB]);

    const card = await screen.findByTestId("negative-feedback-card");
    await app.user.click(within(card).getByRole("link", { name: /Open the feedback from Bob Kahn, 10 Feb 2025/ }));

    expect(app.path()).toBe(`/reports/${ADA.id}/mentorship`);
    const entry = await screen.findByTestId(`feedback-${MS_BOB_NEGATIVE.id}`);
    expect(entry).toHaveAttribute("data-focused", "true");
    await waitFor(() => expect(entry).toHaveFocus());
  });
});
