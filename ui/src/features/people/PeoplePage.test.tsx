import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Person, PersonDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import { ADA, ADA_PERSON, LENA, NINA, OMAR, PEOPLE, fail, invalid, ok } from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

const WITHOUT_SKIP = PEOPLE.filter((p) => p.relationship !== "skip_level");

function stored(draft: PersonDraft, id = "p-new"): Person {
  return { ...LENA, id, name: draft.name, title: draft.title, relationship: draft.relationship ?? "other", notes: draft.notes };
}

async function openPeople(people: Person[] = PEOPLE, overrides: Parameters<typeof renderApp>[1] = {}) {
  const app = renderApp("/people", { listPeople: () => Promise.resolve(ok(people)), ...overrides });
  await screen.findByRole("heading", { name: "People" });
  if (people.length > 0) await screen.findByRole("table", { name: "People" });
  return app;
}

/** Each row's name, title and relationship. */
function rows(): string[][] {
  return screen.getAllByTestId("person-row").map((row) =>
    within(row)
      .getAllByRole("cell")
      .slice(0, 3)
      .map((c) => c.textContent ?? ""),
  );
}

function row(name: string) {
  const found = screen.getAllByTestId("person-row").find((r) => within(r).queryByText(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

describe("PeoplePage", { timeout: 15_000 }, () => {
  it("says what to do when the directory is empty, starting with the skip-level", async () => {
    const app = await openPeople([]);

    const empty = await screen.findByTestId("people-empty");
    expect(empty).toHaveTextContent("Nobody in the directory yet");
    expect(empty).toHaveTextContent("Add your manager as Skip-level so Trellis can tell what they have not seen.");

    await app.user.click(within(empty).getByRole("button", { name: "Add your skip-level" }));

    const form = screen.getByRole("form", { name: "New person" });
    expect(getByLabel("Relationship to your org", form)).toHaveDisplayValue("Skip-level (my manager)");
    expect(getByLabel("Name", form)).toHaveFocus();
  });

  it("lists everyone with title and relationship, highlights the skip-level and links reports", async () => {
    await openPeople();

    expect(rows()).toEqual([
      ["Ada Lovelace", "Staff Engineer", "My report"],
      ["Lena Fischer", "Product Manager", "Cross-functional partner"],
      ["Nina PatelPrefers written updates.", "Director of Engineering", "Skip-level (my manager)"],
      ["Omar Haddad", "VP Payments", "Leadership"],
    ]);
    expect(row("Nina Patel")).toHaveAttribute("data-skip-level", "true");
    expect(row("Omar Haddad")).not.toHaveAttribute("data-skip-level");
    expect(within(row("Ada Lovelace")).getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", `/reports/${ADA.id}`);
    // Reports are archived on their page, never deleted from here.
    expect(within(row("Ada Lovelace")).queryByRole("button", { name: /Delete/ })).not.toBeInTheDocument();
    expect(within(row("Omar Haddad")).getByRole("button", { name: "Delete Omar Haddad" })).toBeInTheDocument();
    expect(screen.getByTestId("people-count")).toHaveTextContent("4 people");
    expect(screen.queryByTestId("no-skip-level")).not.toBeInTheDocument();
  });

  it("asks for a skip-level when none is recorded", async () => {
    await openPeople(WITHOUT_SKIP);

    expect(screen.getByTestId("no-skip-level")).toHaveTextContent(
      "Add your manager as Skip-level so Trellis can tell what they have not seen.",
    );
  });

  it("filters by name or title", async () => {
    const app = await openPeople();
    const filter = getByLabel("Filter people");

    await app.user.type(filter, "vp");
    expect(rows().map((r) => r[0])).toEqual(["Omar Haddad"]);
    expect(screen.getByTestId("people-count")).toHaveTextContent("1 of 4 people");

    await app.user.clear(filter);
    await app.user.type(filter, "nin");
    expect(rows().map((r) => r[0])).toEqual(["Nina PatelPrefers written updates."]);

    await app.user.type(filter, "zzz");
    expect(screen.getByTestId("people-no-match")).toHaveTextContent("Nobody’s name or title matches “ninzzz”.");

    await app.user.click(screen.getByRole("button", { name: "Clear the filter" }));
    expect(rows()).toHaveLength(4);
  });

  it("adds a person, sending exactly what was typed", async () => {
    const createPerson = vi.fn<Commands["createPerson"]>((draft) => Promise.resolve(ok(stored(draft, "p-sam"))));
    const app = await openPeople(PEOPLE, { createPerson });

    await app.user.click(screen.getByRole("button", { name: "Add person" }));
    const form = screen.getByRole("form", { name: "New person" });
    // Only reports (added on the roster) have the relationship "My report".
    expect(within(getByLabel("Relationship to your org", form)).queryByRole("option", { name: "My report" })).toBeNull();
    await app.user.type(getByLabel("Name", form), "Sam Okafor");
    await app.user.type(getByLabel("Role or title", form), "Staff Engineer, Risk");
    await app.user.selectOptions(getByLabel("Relationship to your org", form), "Peer (manager or org)");
    await app.user.type(getByLabel("Notes", form), "Co-owns the ledger.");
    await app.user.click(within(form).getByRole("button", { name: "Add person" }));

    await waitFor(() => expect(screen.queryByRole("form", { name: "New person" })).not.toBeInTheDocument());
    expect(createPerson).toHaveBeenCalledWith({
      name: "Sam Okafor",
      title: "Staff Engineer, Risk",
      relationship: "peer",
      notes: "Co-owns the ledger.",
    } satisfies PersonDraft);
    expect(await screen.findByText("Added Sam Okafor to people.")).toBeInTheDocument();
  });

  it("shows a validation error at the field, keeps the values and focuses the field", async () => {
    const createPerson = vi.fn<Commands["createPerson"]>(() =>
      Promise.resolve(invalid("The person has 1 problem.", { relationship: "Choose a relationship." })),
    );
    const app = await openPeople(PEOPLE, { createPerson });

    await app.user.click(screen.getByRole("button", { name: "Add person" }));
    const form = screen.getByRole("form", { name: "New person" });
    await app.user.type(getByLabel("Name", form), "Sam Okafor");
    await app.user.type(getByLabel("Role or title", form), "Staff Engineer");
    await app.user.keyboard("{Control>}{Enter}{/Control}");

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent(
      "Nothing was saved. The person has 1 problem. Your entries are kept; fix the highlighted field and save again.",
    );
    expect(createPerson).toHaveBeenCalledWith({ name: "Sam Okafor", title: "Staff Engineer", relationship: null, notes: "" });
    const relationship = getByLabel("Relationship to your org", form);
    expect(screen.getByTestId("error-relationship")).toHaveTextContent("Choose a relationship.");
    expect(relationship).toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(relationship).toHaveFocus());
    expect(getByLabel("Name", form)).toHaveValue("Sam Okafor");
    expect(getByLabel("Role or title", form)).toHaveValue("Staff Engineer");
  });

  it("edits a person with their version and asks before discarding changes", async () => {
    const updatePerson = vi.fn<Commands["updatePerson"]>((id, _v, draft) =>
      Promise.resolve(ok({ ...OMAR, id, ...draft, relationship: draft.relationship ?? "other", version: OMAR.version + 1 })),
    );
    const app = await openPeople(PEOPLE, { updatePerson });

    await app.user.click(within(row("Omar Haddad")).getByRole("button", { name: "Edit Omar Haddad" }));
    const form = screen.getByRole("form", { name: "Edit Omar Haddad" });
    expect(getByLabel("Name", form)).toHaveValue("Omar Haddad");
    expect(getByLabel("Relationship to your org", form)).toHaveDisplayValue("Leadership");

    await app.user.clear(getByLabel("Role or title", form));
    await app.user.type(getByLabel("Role or title", form), "SVP Payments");
    await app.user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("confirm-discard")).toBeInTheDocument();
    await app.user.click(screen.getByRole("button", { name: "Keep editing" }));
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit Omar Haddad" })).not.toBeInTheDocument());
    expect(updatePerson).toHaveBeenCalledWith(OMAR.id, OMAR.version, {
      name: "Omar Haddad",
      title: "SVP Payments",
      relationship: "leadership",
      notes: "",
    } satisfies PersonDraft);
  });

  it("keeps a report's relationship fixed and points to their report page", async () => {
    const app = await openPeople();

    await app.user.click(within(row("Ada Lovelace")).getByRole("button", { name: "Edit Ada Lovelace" }));
    const form = screen.getByRole("form", { name: "Edit Ada Lovelace" });

    const relationship = getByLabel("Relationship to your org", form);
    expect(relationship).toBeDisabled();
    expect(relationship).toHaveDisplayValue("My report");
    expect(within(form).getByTestId("report-person-note")).toHaveTextContent("edited on the roster");
    expect(within(form).getByRole("link", { name: "open Ada Lovelace's report" })).toHaveAttribute("href", `/reports/${ADA.id}`);
  });

  it("shows a stale-edit conflict with a way to load the latest version", async () => {
    const updatePerson = vi.fn<Commands["updatePerson"]>(() =>
      Promise.resolve(fail({ kind: "conflict", message: "Lena Fischer was changed elsewhere since you opened it." })),
    );
    const app = await openPeople(PEOPLE, { updatePerson });

    await app.user.click(within(row("Lena Fischer")).getByRole("button", { name: "Edit Lena Fischer" }));
    const form = screen.getByRole("form", { name: "Edit Lena Fischer" });
    await app.user.type(getByLabel("Notes", form), "Owns payouts UX.");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    const notice = await within(form).findByTestId("error-notice");
    expect(notice).toHaveTextContent("This clashes with what is stored");
    expect(notice).toHaveTextContent("Lena Fischer was changed elsewhere since you opened it.");
    expect(getByLabel("Notes", form)).toHaveValue("Owns payouts UX.");

    const latest = { ...LENA, title: "Group PM", version: LENA.version + 1 };
    app.commands.listPeople.mockResolvedValue(ok([ADA_PERSON, latest, NINA, OMAR]));
    await app.user.click(within(notice).getByRole("button", { name: "Discard my changes and load the latest version" }));

    await waitFor(() => expect(getByLabel("Role or title", screen.getByRole("form", { name: "Edit Lena Fischer" }))).toHaveValue("Group PM"));
    expect(getByLabel("Notes", screen.getByRole("form", { name: "Edit Lena Fischer" }))).toHaveValue("");
  });

  it("deletes after confirmation, and shows the core's refusal when someone is referenced", async () => {
    const deleteRecord = vi.fn<Commands["deleteRecord"]>((_kind, id) =>
      Promise.resolve(
        id === OMAR.id
          ? fail({ kind: "conflict", message: "This person is part of 2 records (a report, evidence, visibility, a mandate, an advocate or a mentorship), so deleting them would lose history. Change those records first." })
          : ok(null),
      ),
    );
    const app = await openPeople(PEOPLE, { deleteRecord });

    await app.user.click(within(row("Omar Haddad")).getByRole("button", { name: "Delete Omar Haddad" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete Omar Haddad?" });
    expect(deleteRecord).not.toHaveBeenCalled();
    await app.user.click(within(dialog).getByTestId("confirm-delete"));

    expect(deleteRecord).toHaveBeenCalledWith("person", OMAR.id);
    expect(await within(dialog).findByTestId("error-notice")).toHaveTextContent("This person is part of 2 records");
    await app.user.click(within(dialog).getByRole("button", { name: "Keep it" }));

    await app.user.click(within(row("Lena Fischer")).getByRole("button", { name: "Delete Lena Fischer" }));
    await app.user.click(within(await screen.findByRole("dialog", { name: "Delete Lena Fischer?" })).getByTestId("confirm-delete"));
    expect(deleteRecord).toHaveBeenLastCalledWith("person", LENA.id);
    expect(await screen.findByText("Deleted Lena Fischer.")).toBeInTheDocument();
  });
});
