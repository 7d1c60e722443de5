import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { RuleDraft, RuleOfThumb } from "../../bindings";
import type { Commands, CommandOverrides } from "../../test/commands";
import { PEOPLE, RD_RULE_IMPACT, RD_RULE_PRODUCTION, RD_RULE_RETIRED, invalid, levelId, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

type User = ReturnType<typeof renderApp>["user"];

async function openRules(rules: RuleOfThumb[], overrides: CommandOverrides = {}) {
  const app = renderApp("/rules", {
    listRules: () => Promise.resolve(ok(rules)),
    listPeople: () => Promise.resolve(ok(PEOPLE)),
    ...overrides,
  });
  await screen.findByRole("heading", { name: "Rules of thumb" });
  if (rules.length > 0) await screen.findAllByTestId("rule-card");
  else await screen.findByTestId("rules-empty");
  return app;
}

async function fill(user: User, el: HTMLElement, text: string) {
  await user.click(el);
  await user.paste(text);
}

async function pick(user: User, combobox: HTMLElement, option: string) {
  await user.click(combobox);
  await user.click(await screen.findByRole("option", { name: option }));
}

const card = (wording: string) => screen.getByRole("article", { name: `“${wording}”` });

describe("RulesPage", { timeout: 15_000 }, () => {
  it("explains rules of thumb when the register is empty", async () => {
    await openRules([]);
    const empty = screen.getByTestId("rules-empty");
    expect(empty).toHaveTextContent("No rules of thumb yet");
    expect(empty).toHaveTextContent("“is the impact big enough?”");
    expect(empty).toHaveTextContent("“we need to see it run in production for a year”");
    expect(empty).toHaveTextContent("Reviewers' comments on a packet are the main way to uncover them ahead of time");
    expect(within(empty).getByRole("button", { name: "Add the first rule" })).toBeInTheDocument();
  });

  it("adds a rule with a machine check, sending exactly what was entered", async () => {
    const createRule = vi.fn<Commands["createRule"]>((draft) =>
      Promise.resolve(ok({ ...RD_RULE_IMPACT, id: "rule-new", wording: draft.wording })),
    );
    const app = await openRules([], { createRule });
    await app.user.click(screen.getByRole("button", { name: "Add the first rule" }));
    const form = screen.getByRole("form", { name: "New rule of thumb" });
    const f = (label: string) => getByLabel(label, form);
    expect(f("Wording")).toHaveFocus();

    await fill(app.user, f("Wording"), "Two leaders must vouch for it");
    await pick(app.user, within(form).getByRole("combobox", { name: "Who said it" }), "Omar Haddad — VP Payments");
    await app.user.clear(f("Said on"));
    await fill(app.user, f("Said on"), "2026-01-20");
    await app.user.selectOptions(f("Where it was said"), "Review comment");
    await fill(app.user, f("Where exactly"), "Omar's comment on round 2");
    await app.user.click(within(form).getByRole("radio", { name: "Confirmed" }));
    await pick(app.user, within(form).getByRole("combobox", { name: "Levels it applies to" }), "Senior Staff");
    await pick(app.user, within(form).getByRole("combobox", { name: "Archetypes it applies to" }), "Architect");
    await app.user.selectOptions(f("Machine check"), "Enough advocates");
    const count = f("Advocates with strong or moderate support");
    expect(count).toHaveValue("2");
    expect(f("Machine check")).toHaveAccessibleDescription("The radar checks: At least 2 advocates with strong or moderate support.");
    await app.user.click(within(form).getByRole("button", { name: "Add rule" }));

    await waitFor(() => expect(createRule).toHaveBeenCalledTimes(1));
    expect(createRule).toHaveBeenCalledWith({
      wording: "Two leaders must vouch for it",
      saidById: "p-omar",
      saidOn: "2026-01-20",
      source: "review_comment",
      sourceDetail: "Omar's comment on round 2",
      confirmed: true,
      levels: [levelId("Senior Staff")],
      archetypes: ["architect"],
      retired: false,
      check: { check: "min_advocates", count: 2 },
    } satisfies RuleDraft);
    expect(await screen.findByText("Added “Two leaders must vouch for it” to the register.")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "New rule of thumb" })).not.toBeInTheDocument();
  });

  it("shows the core's complaint about the check beside its parameter and keeps every value", async () => {
    const message = "Advocates must be between 1 and 20.";
    const createRule = vi.fn<Commands["createRule"]>(() =>
      Promise.resolve(invalid("The rule has 2 problems.", { source: "Choose where it was said.", check: message })),
    );
    const app = await openRules([RD_RULE_PRODUCTION], { createRule });
    await app.user.click(screen.getByRole("button", { name: "Add rule" }));
    const form = screen.getByRole("form", { name: "New rule of thumb" });
    const f = (label: string) => getByLabel(label, form);
    await fill(app.user, f("Wording"), "Where is the staff project?");
    await app.user.selectOptions(f("Machine check"), "Enough advocates");
    await app.user.clear(f("Advocates with strong or moderate support"));
    await app.user.type(f("Advocates with strong or moderate support"), "0");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent("Nothing was saved. The rule has 2 problems.");
    expect(createRule).toHaveBeenCalledWith(expect.objectContaining({ source: null, check: { check: "min_advocates", count: 0 } }));
    expect(within(form).getByTestId("error-check")).toHaveTextContent(message);
    expect(within(form).getByTestId("error-source")).toHaveTextContent("Choose where it was said.");
    expect(f("Advocates with strong or moderate support")).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(f("Where it was said")).toHaveFocus());
    expect(f("Wording")).toHaveValue("Where is the staff project?");

    // Changing the count clears its error.
    await app.user.type(f("Advocates with strong or moderate support"), "3");
    expect(within(form).queryByTestId("error-check")).not.toBeInTheDocument();
  });

  it("checks led work of any of several kinds: a multi-select of kinds, sent as a list", async () => {
    const createRule = vi.fn<Commands["createRule"]>((draft) => Promise.resolve(ok({ ...RD_RULE_IMPACT, id: "rule-new", wording: draft.wording, check: draft.check })));
    const app = await openRules([], { createRule });
    await app.user.click(screen.getByRole("button", { name: "Add the first rule" }));
    const form = screen.getByRole("form", { name: "New rule of thumb" });
    const f = (label: string) => getByLabel(label, form);
    await fill(app.user, f("Wording"), "Where is the staff project?");
    await app.user.selectOptions(f("Where it was said"), "Past calibration");
    await app.user.selectOptions(f("Machine check"), "Has led work of certain kinds (“has a staff project”)");

    const kinds = within(form).getByRole("combobox", { name: "Kinds of work led" });
    expect(kinds).toHaveAccessibleDescription(expect.stringContaining("Any one of them counts"));
    // Starts from projects; cross-functional support added.
    expect(f("Machine check")).toHaveAccessibleDescription("The radar checks: They led a project.");
    await pick(app.user, kinds, "Cross-functional support");
    await waitFor(() => expect(f("Machine check")).toHaveAccessibleDescription("The radar checks: They led a project or cross-functional support."));
    await app.user.click(within(form).getByRole("button", { name: "Add rule" }));

    await waitFor(() => expect(createRule).toHaveBeenCalledTimes(1));
    expect(createRule.mock.calls[0]?.[0].check).toEqual({ check: "led_evidence_of_kind", kinds: ["project", "cross_functional_support"] });
  });

  it("shows the core's complaint about the kinds at the multi-select, and edits a rule from its stored kinds", async () => {
    const message = "Choose at least one kind of evidence.";
    const stored: RuleOfThumb = { ...RD_RULE_PRODUCTION, check: { check: "led_evidence_of_kind", kinds: ["glue_work", "cross_functional_support"] } };
    const updateRule = vi.fn<Commands["updateRule"]>(() => Promise.resolve(invalid("The rule has 1 problem.", { check: message })));
    const app = await openRules([stored], { updateRule });
    expect(card(stored.wording)).toHaveTextContent("Check: They led glue work or cross-functional support.");

    await app.user.click(within(card(stored.wording)).getByRole("button", { name: /Edit/ }));
    const form = await screen.findByRole("form", { name: "Edit the rule of thumb" });
    const kinds = within(form).getByRole("combobox", { name: "Kinds of work led" });
    expect(getByLabel("Machine check", form)).toHaveAccessibleDescription("The radar checks: They led glue work or cross-functional support.");
    await app.user.click(kinds);
    await app.user.keyboard("{Backspace}{Backspace}");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(updateRule).toHaveBeenCalledTimes(1));
    expect(updateRule.mock.calls[0]?.[2].check).toEqual({ check: "led_evidence_of_kind", kinds: [] });
    expect(await within(form).findByTestId("error-check")).toHaveTextContent(message);
    expect(kinds).toHaveAttribute("aria-invalid", "true");
  });

  it("lists live rules first with their standing and check in words, retired ones greyed, and filters by text", async () => {
    const app = await openRules([RD_RULE_RETIRED, RD_RULE_IMPACT, RD_RULE_PRODUCTION]);
    const cards = screen.getAllByTestId("rule-card");
    expect(cards.map((c) => c.getAttribute("data-retired"))).toEqual([null, null, "true"]);
    expect(screen.getByTestId("rules-count")).toHaveTextContent("2 live, 1 retired");

    const production = card(RD_RULE_PRODUCTION.wording);
    expect(production).toHaveAttribute("id", `record-${RD_RULE_PRODUCTION.id}`);
    expect(within(production).getByTestId("standing")).toHaveTextContent("Confirmed");
    expect(production).toHaveTextContent("Said by Omar Haddad on 20 Nov 2025 · Past calibration: H2 2025 calibration");
    expect(production).toHaveTextContent("Applies to Senior Staff · every archetype");
    expect(within(production).getByTestId("rule-check")).toHaveTextContent(
      "Check: Their top work (led or co-led, with quantified impact) has run in production for at least 12 months by calibration.",
    );
    const impact = card(RD_RULE_IMPACT.wording);
    expect(within(impact).getByTestId("standing")).toHaveTextContent("Hearsay");
    expect(impact).toHaveTextContent("Applies to every level · Architect");
    expect(within(impact).getByTestId("rule-check")).toHaveTextContent("No machine check");
    const retired = card(RD_RULE_RETIRED.wording);
    expect(retired).toHaveTextContent("Retired");
    expect(retired).toHaveStyle({ opacity: "0.6" });

    await fill(app.user, screen.getByRole("textbox", { name: "Filter rules" }), "omar");
    expect(screen.getAllByTestId("rule-card")).toEqual([production]);
    expect(screen.getByTestId("rules-count")).toHaveTextContent("1 of 3 rules");
    await app.user.click(screen.getByRole("button", { name: "Clear the filter" }));
    await fill(app.user, screen.getByRole("textbox", { name: "Filter rules" }), "nothing like this");
    expect(screen.getByTestId("rules-no-match")).toHaveTextContent("No rule matches “nothing like this”.");
  });

  it("edits a rule against its version, and deletes one after confirmation", async () => {
    const updateRule = vi.fn<Commands["updateRule"]>((id, _v, draft) => Promise.resolve(ok({ ...RD_RULE_PRODUCTION, id, retired: draft.retired })));
    const deleteRecord = vi.fn<Commands["deleteRecord"]>(() => Promise.resolve(ok(null)));
    const app = await openRules([RD_RULE_PRODUCTION, RD_RULE_IMPACT], { updateRule, deleteRecord });

    await app.user.click(within(card(RD_RULE_PRODUCTION.wording)).getByRole("button", { name: `Edit the rule “${RD_RULE_PRODUCTION.wording}”` }));
    const form = screen.getByRole("form", { name: "Edit the rule of thumb" });
    expect(getByLabel("Months in production by calibration", form)).toHaveValue("12");
    await app.user.click(within(form).getByRole("checkbox", { name: /Retired/ }));
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(updateRule).toHaveBeenCalledTimes(1));
    expect(updateRule).toHaveBeenCalledWith(RD_RULE_PRODUCTION.id, RD_RULE_PRODUCTION.version, {
      wording: RD_RULE_PRODUCTION.wording,
      saidById: "p-omar",
      saidOn: "2025-11-20",
      source: "past_calibration",
      sourceDetail: "H2 2025 calibration",
      confirmed: true,
      levels: [levelId("Senior Staff")],
      archetypes: [],
      retired: true,
      check: { check: "top_evidence_in_production", months: 12 },
    } satisfies RuleDraft);
    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit the rule of thumb" })).not.toBeInTheDocument());

    await app.user.click(within(card(RD_RULE_IMPACT.wording)).getByRole("button", { name: `Delete the rule “${RD_RULE_IMPACT.wording}”` }));
    await app.user.click(await screen.findByTestId("confirm-delete"));
    await waitFor(() => expect(deleteRecord).toHaveBeenCalledWith("rule", RD_RULE_IMPACT.id));
  });
});
