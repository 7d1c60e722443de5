import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Cycle, CycleDraft } from "../../bindings";
import type { Commands } from "../../test/commands";
import {
  CY_ADA_CANDIDATE,
  CY_CYCLE,
  CY_GRACE_CANDIDATE,
  CY_LATER_CYCLE,
  CY_PAST_CYCLE,
  NINA,
  OMAR,
  invalid,
  ok,
} from "../../test/fixtures";
import { getByLabel, renderApp } from "../../test/render";
import { choosePerson, fill } from "./testKit";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

afterEach(() => vi.useRealTimers());

describe("CyclesPage", () => {
  it("explains what a cycle is when there is none, then adds one with exactly the draft typed", async () => {
    const stored: Cycle[] = [];
    const createCycle = vi.fn<Commands["createCycle"]>((draft) => {
      const created: Cycle = { ...CY_CYCLE, id: "c-new", name: draft.name, committee: [], version: 1 };
      stored.push(created);
      return Promise.resolve(ok(created));
    });
    const app = renderApp("/cycles", {
      listCycles: () => Promise.resolve(ok([...stored])),
      listPeople: () => Promise.resolve(ok([NINA, OMAR])),
      createCycle,
    });

    const empty = await screen.findByTestId("cycles-empty");
    expect(empty).toHaveTextContent("Add the next promotion or calibration round, then put your candidates on it.");
    expect(empty).toHaveTextContent("A cycle is one promotion/calibration round");
    expect(empty).toHaveTextContent("The radar then counts back from calibration");
    await app.user.click(within(empty).getByRole("button", { name: "Add the next cycle" }));

    const form = await screen.findByRole("form", { name: "New cycle" });
    const f = (label: string) => getByLabel(label, form);
    expect(f("Name")).toHaveFocus();
    await fill(app.user, f("Name"), "H1 2027 promotions");
    await fill(app.user, f("Opens on"), "2026-07-01");
    await fill(app.user, f("Packet due"), "2027-02-15");
    await fill(app.user, f("Calibration date"), "2027-03-15");
    const committee = within(form).getByRole("combobox", { name: "Committee" });
    await choosePerson(app.user, committee, "Om", "Omar Haddad — VP Payments");
    await choosePerson(app.user, committee, "Ni", "Nina Patel — Director of Engineering");
    await app.user.click(within(form).getByRole("button", { name: "Add cycle" }));

    await waitFor(() => expect(createCycle).toHaveBeenCalledTimes(1));
    expect(createCycle).toHaveBeenCalledWith({
      name: "H1 2027 promotions",
      opensOn: "2026-07-01",
      packetDue: "2027-02-15",
      calibrationDate: "2027-03-15",
      committeeIds: [OMAR.id, NINA.id],
      joined: [
        { personId: OMAR.id, joinedOn: "" },
        { personId: NINA.id, joinedOn: "" },
      ],
    } satisfies CycleDraft);
    expect(await screen.findByRole("article", { name: "H1 2027 promotions" })).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "New cycle" })).not.toBeInTheDocument();
  }, 15_000);

  it("shows the core's complaints beside the dates and keeps what was typed", async () => {
    const createCycle = vi.fn<Commands["createCycle"]>(() =>
      Promise.resolve(invalid("The cycle has 1 problem.", { calibrationDate: "Calibration cannot be before the packet is due." })),
    );
    const app = renderApp("/cycles", { createCycle });
    await app.user.click(await screen.findByRole("button", { name: "Add the next cycle" }));
    const form = await screen.findByRole("form", { name: "New cycle" });
    await fill(app.user, getByLabel("Name", form), "H1");
    await fill(app.user, getByLabel("Packet due", form), "2027-02-15");
    await fill(app.user, getByLabel("Calibration date", form), "2027-01-15");
    await app.user.click(within(form).getByRole("button", { name: "Add cycle" }));

    expect(await within(form).findByTestId("error-calibrationDate")).toHaveTextContent("Calibration cannot be before the packet is due.");
    await waitFor(() => expect(getByLabel("Calibration date", form)).toHaveFocus());
    expect(getByLabel("Calibration date", form)).toHaveValue("2027-01-15");
    expect(getByLabel("Name", form)).toHaveValue("H1");
  });

  it("lists the next calibration first with countdowns, committee size and candidates", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 10, 15, 12));
    renderApp("/cycles", {
      listCycles: () => Promise.resolve(ok([CY_LATER_CYCLE, CY_CYCLE, CY_PAST_CYCLE])),
      listCandidates: (cycleId) =>
        Promise.resolve(ok(cycleId === CY_CYCLE.id ? [CY_ADA_CANDIDATE, CY_GRACE_CANDIDATE] : [])),
    });

    await screen.findAllByTestId("cycle-card");
    const cards = screen.getAllByTestId("cycle-card");
    expect(cards.map((c) => within(c).getAllByRole("link")[0]?.textContent)).toEqual([
      "H1 2027 promotions",
      "H2 2027 promotions",
      "H1 2026 promotions",
    ]);
    const next = cards[0]!;
    expect(within(next).getByRole("link", { name: "H1 2027 promotions" })).toHaveAttribute("href", `/cycles/${CY_CYCLE.id}`);
    expect(within(next).getByTestId("cycle-calibration")).toHaveTextContent("15 Mar 2027 (in 4 months)");
    expect(within(next).getByTestId("cycle-packet-due")).toHaveTextContent("15 Feb 2027 (in 3 months)");
    expect(within(next).getByTestId("cycle-committee")).toHaveTextContent("2 members");
    // A member who joined after the cycle opened is named with the day.
    expect(within(next).getAllByTestId("late-joiner").map((l) => l.textContent)).toEqual(["Nina Patel joined 1 Oct 2026"]);
    expect(within(cards[2]!).queryByTestId("late-joiner")).not.toBeInTheDocument();
    await waitFor(() => expect(within(next).getByTestId("cycle-candidates")).toHaveTextContent("2 candidates"));
    expect(within(cards[1]!).getByTestId("cycle-committee")).toHaveTextContent("nobody recorded");
    await waitFor(() => expect(within(cards[1]!).getByTestId("cycle-candidates")).toHaveTextContent("none yet"));
    expect(within(cards[2]!).getByText("Calibrated")).toBeInTheDocument();
    expect(within(cards[2]!).getByTestId("cycle-calibration")).toHaveTextContent("16 Mar 2026 (7 months ago)");
  });

  it("edits a cycle against its version", async () => {
    const updateCycle = vi.fn<Commands["updateCycle"]>((id, _v, draft) => Promise.resolve(ok({ ...CY_CYCLE, id, name: draft.name, version: 3 })));
    const app = renderApp("/cycles", {
      listCycles: () => Promise.resolve(ok([CY_CYCLE])),
      listPeople: () => Promise.resolve(ok([NINA, OMAR])),
      updateCycle,
    });
    await app.user.click(await screen.findByRole("button", { name: `Edit cycle ${CY_CYCLE.name}` }));
    const form = await screen.findByRole("form", { name: `Edit cycle ${CY_CYCLE.name}` });
    expect(getByLabel("Calibration date", form)).toHaveValue("2027-03-15");
    await app.user.clear(getByLabel("Name", form));
    await fill(app.user, getByLabel("Name", form), "H1 2027 calibration");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(updateCycle).toHaveBeenCalledTimes(1));
    expect(updateCycle).toHaveBeenCalledWith(CY_CYCLE.id, CY_CYCLE.version, {
      name: "H1 2027 calibration",
      opensOn: CY_CYCLE.opensOn,
      packetDue: CY_CYCLE.packetDue,
      calibrationDate: CY_CYCLE.calibrationDate,
      committeeIds: [OMAR.id, NINA.id],
      joined: [
        { personId: OMAR.id, joinedOn: "" },
        { personId: NINA.id, joinedOn: "2026-10-01" },
      ],
    });
  });

  it("asks, per committee member, for the day they joined when after the cycle opened, and shows the core's complaint there", async () => {
    const message = "A member cannot join the committee after calibration.";
    const updateCycle = vi.fn<Commands["updateCycle"]>(() => Promise.resolve(invalid("The cycle has 1 problem.", { "joined.0.joinedOn": message })));
    const app = renderApp("/cycles", {
      listCycles: () => Promise.resolve(ok([CY_CYCLE])),
      listPeople: () => Promise.resolve(ok([NINA, OMAR])),
      updateCycle,
    });
    await app.user.click(await screen.findByRole("button", { name: `Edit cycle ${CY_CYCLE.name}` }));
    const form = await screen.findByRole("form", { name: `Edit cycle ${CY_CYCLE.name}` });

    // One optional date per member, in committee order, labelled with their name.
    const joined = within(form).getByRole("group", { name: "When each member joined the committee" });
    expect(joined).toHaveTextContent("Leave a date empty for members since the cycle opened (1 Jul 2026).");
    const omar = getByLabel("Omar Haddad joined on", form);
    const nina = getByLabel("Nina Patel joined on", form);
    expect(omar).toHaveValue("");
    expect(nina).toHaveValue("2026-10-01");
    await fill(app.user, omar, "2027-04-01");
    await app.user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(updateCycle).toHaveBeenCalledTimes(1));
    expect(updateCycle.mock.calls[0]?.[2].joined).toEqual([
      { personId: OMAR.id, joinedOn: "2027-04-01" },
      { personId: NINA.id, joinedOn: "2026-10-01" },
    ]);
    expect(await within(form).findByTestId("error-joined.0.joinedOn")).toHaveTextContent(message);
    expect(omar).toHaveAttribute("aria-invalid", "true");
    expect(nina).not.toHaveAttribute("aria-invalid", "true");
    await waitFor(() => expect(omar).toHaveFocus());
    expect(omar).toHaveValue("2027-04-01");
  });

  it("offers no join dates before anyone is on the committee", async () => {
    const app = renderApp("/cycles", { listPeople: () => Promise.resolve(ok([NINA, OMAR])) });
    await app.user.click(await screen.findByRole("button", { name: "Add the next cycle" }));
    const form = await screen.findByRole("form", { name: "New cycle" });
    expect(within(form).queryByTestId("committee-joined")).not.toBeInTheDocument();
    await choosePerson(app.user, within(form).getByRole("combobox", { name: "Committee" }), "Ni", "Nina Patel — Director of Engineering");
    expect(getByLabel("Nina Patel joined on", form)).toHaveValue("");
  });

  it("deletes a cycle after asking, and the list follows", async () => {
    let stored = [CY_CYCLE, CY_PAST_CYCLE];
    const deleteRecord = vi.fn<Commands["deleteRecord"]>((_kind, id) => {
      stored = stored.filter((c) => c.id !== id);
      return Promise.resolve(ok(null));
    });
    const app = renderApp("/cycles", { listCycles: () => Promise.resolve(ok([...stored])), deleteRecord });
    await app.user.click(await screen.findByRole("button", { name: `Delete the cycle “${CY_PAST_CYCLE.name}”` }));
    await app.user.click(await screen.findByTestId("confirm-delete"));

    await waitFor(() => expect(screen.queryByRole("article", { name: CY_PAST_CYCLE.name })).not.toBeInTheDocument());
    expect(deleteRecord).toHaveBeenCalledWith("cycle", CY_PAST_CYCLE.id);
    expect(screen.getByRole("article", { name: CY_CYCLE.name })).toBeInTheDocument();
  });
});
