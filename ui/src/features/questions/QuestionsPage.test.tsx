import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Question, QuestionDraft } from "../../bindings";
import type { CommandOverrides, Commands } from "../../test/commands";
import { OO_Q_ARCH, OO_Q_GENERAL, OO_Q_GENERAL_2, OO_Q_RETIRED, OO_Q_SEEN, OO_TRIGGERS, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const LIVE = [OO_Q_SEEN, OO_Q_GENERAL, OO_Q_ARCH, OO_Q_GENERAL_2];

/** The bank as the core lists it: retired questions only when asked for. */
function openBank(overrides: CommandOverrides = {}, all: Question[] = [...LIVE, OO_Q_RETIRED]) {
  return renderApp("/questions", {
    listQuestionTriggers: () => Promise.resolve(OO_TRIGGERS),
    listQuestions: (includeRetired) => Promise.resolve(ok(all.filter((q) => includeRetired || !q.retired))),
    ...overrides,
  });
}

const group = (trigger: string) => screen.findByTestId(`trigger-${trigger}`);

describe("QuestionsPage", { timeout: 15_000 }, () => {
  it("explains the bank and lists live questions grouped by trigger, in the core's order of triggers", async () => {
    openBank();
    expect(await screen.findByRole("heading", { name: "Question bank", level: 2 })).toBeInTheDocument();
    expect(
      screen.getByText(/The prep view suggests 3–6 of these before each 1:1, chosen by the report's open radar signals, mandate review and archetype\./),
    ).toBeInTheDocument();

    await group("general");
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["Add a question", "Any report (general)", "Works as an architect", "Radar signal: High-impact work unseen"]);
    const general = within(await group("general")).getAllByTestId("question");
    expect(general.map((q) => q.textContent)).toEqual([expect.stringContaining(OO_Q_GENERAL.text), expect.stringContaining(OO_Q_GENERAL_2.text)]);
    expect(screen.queryByText(OO_Q_RETIRED.text)).not.toBeInTheDocument();
    expect(screen.getByTestId("questions-count")).toHaveTextContent("4 questions in use");
  });

  it("adds a question for the chosen trigger, then keeps that trigger for the next one", async () => {
    const createQuestion = vi.fn<Commands["createQuestion"]>((draft) => Promise.resolve(ok({ ...OO_Q_GENERAL, id: "q-new", ...draft })));
    const app = openBank({ createQuestion });
    const form = await screen.findByRole("form", { name: "Add a question" });
    await waitFor(() => expect(getByLabel("Ask it when", form)).toHaveDisplayValue("Any report (general)"));

    await app.user.type(getByLabel("Question", form), "Where do you want to be in two years?");
    await app.user.selectOptions(getByLabel("Ask it when", form), "Works as an architect");
    await app.user.click(within(form).getByRole("button", { name: "Add question" }));

    expect(createQuestion).toHaveBeenCalledWith({ text: "Where do you want to be in two years?", trigger: "archetype.architect", retired: false } satisfies QuestionDraft);
    const fresh = await screen.findByRole("form", { name: "Add a question" });
    await waitFor(() => expect(getByLabel("Question", fresh)).toHaveValue(""));
    expect(getByLabel("Ask it when", fresh)).toHaveDisplayValue("Works as an architect");
    expect(getByLabel("Question", fresh)).toHaveFocus();
    expect(app.commands.listQuestions).toHaveBeenCalledTimes(2);
  });

  it("keeps a rejected question as typed, with the complaint at the field", async () => {
    const createQuestion = vi.fn<Commands["createQuestion"]>(() =>
      Promise.resolve(invalid("The question has 1 problem.", { text: "The question is empty: write it as you would ask it." })),
    );
    const app = openBank({ createQuestion });
    const form = await screen.findByRole("form", { name: "Add a question" });
    await app.user.type(getByLabel("Question", form), "  ");
    await app.user.click(within(form).getByRole("button", { name: "Add question" }));
    expect(await within(form).findByTestId("error-text")).toHaveTextContent("The question is empty: write it as you would ask it.");
    expect(getByLabel("Question", form)).toHaveValue("  ");
  });

  it("edits a question in place, with its version", async () => {
    const updateQuestion = vi.fn<Commands["updateQuestion"]>((id, _v, draft) => Promise.resolve(ok({ ...OO_Q_SEEN, id, ...draft })));
    const app = openBank({ updateQuestion });
    const seen = within(await group("visibility.high_impact_unseen")).getByTestId("question");

    await app.user.click(within(seen).getByRole("button", { name: `Edit “${OO_Q_SEEN.text}”` }));
    const form = within(seen).getByRole("form", { name: "Edit the question" });
    expect(getByLabel("Question", form)).toHaveFocus();
    await app.user.clear(getByLabel("Question", form));
    await app.user.type(getByLabel("Question", form), "Who on the committee has seen this work?");
    await app.user.selectOptions(getByLabel("Ask it when", form), "Mandate review due within 30 days");
    await app.user.click(within(form).getByRole("button", { name: "Save question" }));

    expect(updateQuestion).toHaveBeenCalledWith("q-seen", 2, {
      text: "Who on the committee has seen this work?",
      trigger: "mandate.review_due",
      retired: false,
    } satisfies QuestionDraft);
    await waitFor(() => expect(within(seen).queryByRole("form")).not.toBeInTheDocument());
  });

  it("retires a question, shows retired ones on request, and unretires them", async () => {
    const updateQuestion = vi.fn<Commands["updateQuestion"]>((id, _v, draft) => Promise.resolve(ok({ ...OO_Q_GENERAL, id, ...draft })));
    const app = openBank({ updateQuestion });
    const general = await group("general");

    await app.user.click(within(general).getByRole("button", { name: `Retire “${OO_Q_GENERAL_2.text}”` }));
    expect(updateQuestion).toHaveBeenCalledWith("q-general-2", 1, { text: OO_Q_GENERAL_2.text, trigger: "general", retired: true });

    await app.user.click(screen.getByRole("switch", { name: "Show retired" }));
    expect(app.commands.listQuestions).toHaveBeenLastCalledWith(true);
    const retired = (await screen.findByText(OO_Q_RETIRED.text)).closest("li")!;
    expect(retired).toHaveAttribute("data-retired", "true");
    expect(retired).toHaveTextContent("Retired");
    expect(screen.getByTestId("questions-count")).toHaveTextContent("4 questions in use, 1 retired");

    await app.user.click(within(retired).getByRole("button", { name: `Unretire “${OO_Q_RETIRED.text}”` }));
    expect(updateQuestion).toHaveBeenLastCalledWith("q-retired", 3, { text: OO_Q_RETIRED.text, trigger: "general", retired: false });
  });
});
