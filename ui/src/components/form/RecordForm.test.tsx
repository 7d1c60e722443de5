// The behaviour every form shares, on a form of two fields. The features' tests check the same
// through their real forms; this one pins it down in one place.
import { Button, Modal, TextInput } from "@mantine/core";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { describe, expect, it, vi } from "vitest";

import { call } from "../../api/ipc";
import { Providers } from "../../Providers";
import { fail, invalid } from "../../test/fixtures";
import { RecordForm } from "./RecordForm";
import { useRecordForm } from "./useRecordForm";

type Values = { name: string; team: string };
type Save = (values: Values) => Promise<unknown>;

function Thing(props: {
  save: Save;
  onCancel?: () => void;
  onReload?: () => void;
  errorActions?: (error: unknown) => ReactNode;
  autoFocus?: boolean;
  /** Rendered inside the form, after the fields. */
  extra?: ReactNode;
}) {
  const form = useRecordForm<Values>({ name: "", team: "" }, props.save);
  return (
    <RecordForm
      form={form}
      label="Thing"
      submitLabel="Save thing"
      onCancel={props.onCancel ?? (() => {})}
      onReload={props.onReload}
      errorActions={props.errorActions}
      autoFocus={props.autoFocus}
    >
      <TextInput label="Name" {...form.text("name")} />
      <TextInput label="Team" {...form.text("team")} />
      {props.extra}
    </RecordForm>
  );
}

/** A dialog opened from inside the form, as the person picker's "add someone" does. */
function NestedDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add someone</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Add someone to people">
        <TextInput label="Their name" />
      </Modal>
    </>
  );
}

function setup(ui: ReactNode) {
  const user = userEvent.setup({ delay: null });
  render(<Providers env="test">{ui}</Providers>);
  return { user, form: screen.getByRole("form", { name: "Thing" }) };
}

const field = (name: string) => screen.getByRole("textbox", { name });
const pending = () => new Promise<never>(() => {});
const ctrlEnter = "{Control>}{Enter}{/Control}";

describe("RecordForm", () => {
  it("sums up a rejected save, shows the issues at their fields, keeps every value and only then moves focus", async () => {
    const issues = { name: "Name is too long.", team: "Team is required." };
    const save = vi.fn<Save>(() => call(Promise.resolve(invalid("The thing has 2 problems.", issues))));
    const { user, form } = setup(<Thing save={save} />);
    expect(document.body).toHaveFocus(); // opening the form does not point at anything

    await user.type(field("Name"), "Ada");
    await user.click(within(form).getByRole("button", { name: "Save thing" }));

    expect(await within(form).findByTestId("form-summary")).toHaveTextContent(
      "Nothing was saved. The thing has 2 problems. Your entries are kept; fix the highlighted fields and save again.",
    );
    expect(save).toHaveBeenCalledWith({ name: "Ada", team: "" });
    expect(within(form).getByTestId("error-name")).toHaveTextContent("Name is too long.");
    expect(within(form).getByTestId("error-team")).toHaveTextContent("Team is required.");
    expect(field("Team")).toHaveAttribute("aria-invalid", "true");
    // The first field complained about takes focus.
    await waitFor(() => expect(field("Name")).toHaveFocus());
    expect(field("Name")).toHaveValue("Ada");
    expect(within(form).queryByTestId("error-notice")).not.toBeInTheDocument();

    // Fixing a field clears its error (the core judges again on the next save), and focus stays
    // where the user is: it moved once, for the failed save.
    await user.type(field("Team"), "Payments");
    expect(within(form).queryByTestId("error-team")).not.toBeInTheDocument();
    expect(field("Team")).toHaveValue("Payments");
    expect(field("Team")).toHaveFocus();
    expect(field("Name")).toHaveAttribute("aria-invalid", "true");
  });

  it("focuses the first field on opening when asked to", () => {
    setup(<Thing save={pending} autoFocus />);
    expect(field("Name")).toHaveFocus();
  });

  it("saves with Ctrl+Enter from any field, once however often it is pressed", async () => {
    const save = vi.fn<Save>(pending);
    const { user } = setup(<Thing save={save} />);

    await user.type(field("Team"), "Payments");
    await user.keyboard(ctrlEnter);
    await user.keyboard(ctrlEnter);
    await user.click(screen.getByRole("button", { name: "Save thing" }));

    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: "", team: "Payments" });
  });

  it("leaves Ctrl+Enter in a dialog opened from inside the form to that dialog", async () => {
    const save = vi.fn<Save>(pending);
    const { user, form } = setup(
      <Thing
        save={save}
        extra={
          <>
            <NestedDialog />
            <PortalField />
          </>
        }
      />,
    );

    await user.click(within(form).getByRole("button", { name: "Add someone" }));
    const dialog = screen.getByRole("dialog", { name: "Add someone to people" });
    await user.type(within(dialog).getByRole("textbox", { name: "Their name" }), "Grace");
    await user.keyboard(ctrlEnter);
    // Elsewhere in the app dialogs are portals: keys reach the form through React only.
    await user.type(screen.getByRole("textbox", { name: "In a portal" }), "x");
    await user.keyboard(ctrlEnter);

    expect(save).not.toHaveBeenCalled();
  });

  it("still saves with Ctrl+Enter when the form itself is in a dialog", async () => {
    const save = vi.fn<Save>(pending);
    // The dialog moves the focus into itself on a timer: the keys wait a tick each, as a person's do.
    const user = userEvent.setup();
    render(
      <Providers env="test">
        <Modal opened onClose={() => {}} title="Mark it">
          <Thing save={save} />
        </Modal>
      </Providers>,
    );

    await user.type(field("Name"), "Ada");
    await user.keyboard(ctrlEnter);

    expect(save).toHaveBeenCalledWith({ name: "Ada", team: "" });
  });

  it("saves only itself when it sits inside another form (through a portal, as a dialog's form does)", async () => {
    const outer = vi.fn();
    const save = vi.fn<Save>(pending);
    const user = userEvent.setup({ delay: null });
    render(
      <Providers env="test">
        <form onSubmit={outer} onKeyDown={outer}>
          {createPortal(<Thing save={save} />, document.body)}
        </form>
      </Providers>,
    );

    await user.click(screen.getByRole("button", { name: "Save thing" }));
    await user.click(field("Name"));
    await user.keyboard(ctrlEnter);

    expect(save).toHaveBeenCalledTimes(1);
    expect(outer.mock.calls.map(([e]) => (e as Event).type)).not.toContain("submit");
    expect(outer.mock.calls.some(([e]) => (e as KeyboardEvent).key === "Enter")).toBe(false);
  });

  it("asks before throwing typed values away on Cancel", async () => {
    const onCancel = vi.fn();
    const { user, form } = setup(<Thing save={pending} onCancel={onCancel} />);
    const cancel = () => user.click(within(form).getByRole("button", { name: "Cancel" }));

    // Nothing typed: nothing to lose.
    await cancel();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(within(form).queryByTestId("confirm-discard")).not.toBeInTheDocument();

    await user.type(field("Name"), "Half a thought");
    await cancel();
    expect(within(form).getByTestId("confirm-discard")).toHaveTextContent("Discard your changes?");
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(within(form).getByRole("button", { name: "Keep editing" }));
    expect(within(form).queryByTestId("confirm-discard")).not.toBeInTheDocument();
    expect(field("Name")).toHaveValue("Half a thought");

    await cancel();
    await user.click(within(form).getByRole("button", { name: "Discard changes" }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it("shows an error that is not about fields in full, with the actions offered for it", async () => {
    const save = vi.fn<Save>(() => call(Promise.resolve(fail({ kind: "conflict", message: "The thing was changed elsewhere." }))));
    const onReload = vi.fn();
    const { user, form } = setup(
      <Thing save={save} onReload={onReload} errorActions={(e) => <span data-testid="extra">{(e as Error).message}</span>} />,
    );

    await user.type(field("Name"), "Ada");
    await user.keyboard(ctrlEnter);

    const notice = await within(form).findByTestId("error-notice");
    expect(notice).toHaveTextContent("This clashes with what is stored");
    expect(notice).toHaveTextContent("The thing was changed elsewhere.");
    expect(within(notice).getByTestId("extra")).toHaveTextContent("The thing was changed elsewhere.");
    expect(within(form).queryByTestId("form-summary")).not.toBeInTheDocument();
    expect(field("Name")).toHaveValue("Ada");
    await user.click(within(notice).getByRole("button", { name: "Discard my changes and load the latest version" }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

/** A field rendered into document.body through a React portal, from inside the form. */
function PortalField() {
  return createPortal(<TextInput label="In a portal" />, document.body);
}
