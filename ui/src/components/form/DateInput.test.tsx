import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { describe, expect, it, vi } from "vitest";

import { Providers, newQueryClient } from "../../Providers";
import { todayIso } from "../../lib/dates";
import { getByLabel } from "../../test/render";
import { DateInput } from "./DateInput";
import { RecordForm } from "./RecordForm";
import { useRecordForm } from "./useRecordForm";

type Values = { startedOn: string };

function Harness({ initial, save }: { initial: string; save: (v: Values) => Promise<unknown> }) {
  const form = useRecordForm<Values>({ startedOn: initial }, save);
  return (
    <RecordForm form={form} label="Test form" submitLabel="Save" onCancel={() => undefined}>
      <DateInput label="Started on" description="When the work began" withAsterisk {...form.text("startedOn")} />
    </RecordForm>
  );
}

function renderField(initial = "") {
  const save = vi.fn((_: Values) => Promise.resolve());
  const user = userEvent.setup({ delay: null });
  render(
    <Providers client={newQueryClient()} env="test">
      <Harness initial={initial} save={save} />
    </Providers>,
  );
  return { user, save, field: () => getByLabel("Started on") as HTMLInputElement };
}

const calendar = () => screen.getByRole("dialog", { name: "Calendar" });

describe("DateInput", () => {
  it("takes a typed date and says it in words before the field's description", async () => {
    const { user, save, field } = renderField();
    expect(field()).toHaveAttribute("placeholder", "YYYY-MM-DD");
    expect(screen.getByText("When the work began")).toBeVisible();
    expect(screen.queryByTestId("date-in-words")).not.toBeInTheDocument();

    await user.type(field(), "2026-12-07");

    expect(field()).toHaveValue("2026-12-07");
    expect(screen.getByTestId("date-in-words")).toHaveTextContent("Mon 7 Dec 2026");
    expect(field()).toHaveAccessibleDescription("Mon 7 Dec 2026 · When the work began");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(save).toHaveBeenCalledWith({ startedOn: "2026-12-07" });
  });

  it("says nothing in words for a date that does not exist", async () => {
    const { user, field } = renderField();
    await user.type(field(), "2026-02-30");
    expect(screen.queryByTestId("date-in-words")).not.toBeInTheDocument();
    expect(field()).toHaveAccessibleDescription("When the work began");
  });

  it("fills the field with the day picked in the calendar, as YYYY-MM-DD, and the form keeps it", async () => {
    const { user, save, field } = renderField("2026-12-01");

    // jsdom has no stylesheet: check the field lets the pointer reach its button (Mantine's
    // sections let clicks fall through to the field unless told otherwise).
    expect(field().parentElement).toHaveStyle({ "--input-right-section-pointer-events": "all" });
    await user.click(screen.getByRole("button", { name: "Pick a date" }));
    // The calendar opens on the month of the date in the field.
    await user.click(within(calendar()).getByRole("button", { name: "15 December 2026" }));

    expect(field()).toHaveValue("2026-12-15");
    // Focus stays in the field (the closed calendar does not hand it back to its button later).
    await new Promise((resolve) => window.setTimeout(resolve, 50));
    expect(field()).toHaveFocus();
    expect(screen.queryByRole("dialog", { name: "Calendar" })).not.toBeInTheDocument();
    expect(screen.getByTestId("date-in-words")).toHaveTextContent("Tue 15 Dec 2026");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(save).toHaveBeenCalledWith({ startedOn: "2026-12-15" });
  });

  it("opens an empty field's calendar on this month", async () => {
    const { user, field } = renderField();

    await user.click(screen.getByRole("button", { name: "Pick a date" }));
    await user.click(within(calendar()).getByRole("button", { name: dayjs().format("D MMMM YYYY") }));

    expect(field()).toHaveValue(todayIso());
  });

  it("reaches the picker from the keyboard: Tab from the field, Enter opens, Escape closes", async () => {
    const { user, field } = renderField("2026-12-01");

    await user.click(field());
    await user.tab();
    const button = screen.getByRole("button", { name: "Pick a date" });
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(calendar()).toBeVisible();
    expect(button).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(calendar()).toContainElement(document.activeElement as HTMLElement));

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Calendar" })).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(field()).toHaveValue("2026-12-01");
  });
});
