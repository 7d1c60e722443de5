import { render, screen, act, fireEvent } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { IconTrash } from "@tabler/icons-react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { Providers, newQueryClient } from "../Providers";
import { HINT_DELAY_MS } from "./Hints";
import { IconButton } from "./IconButton";

function renderButtons() {
  render(
    <Providers client={newQueryClient()} env="test">
      <IconButton label="Delete the note “We agreed”">
        <IconTrash size={18} />
      </IconButton>
      <IconButton label="Edit Ledger migration" hint="Edit">
        <IconTrash size={18} />
      </IconButton>
    </Providers>,
  );
}

const hint = () => screen.queryByRole("tooltip");

describe("Hints: one tooltip for every icon button", () => {
  afterEach(() => vi.useRealTimers());

  it("names the button, and shows its hint once the pointer rests on it, not before", async () => {
    vi.useFakeTimers();
    renderButtons();
    const remove = screen.getByRole("button", { name: "Delete the note “We agreed”" });
    fireEvent.pointerOver(remove, { pointerType: "mouse" });
    await act(() => vi.advanceTimersByTime(HINT_DELAY_MS - 50));
    expect(hint()).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTime(60));
    expect(hint()).toHaveTextContent("Delete the note “We agreed”");

    // Moving to the next button shows that one's (shorter) hint instead.
    const edit = screen.getByRole("button", { name: "Edit Ledger migration" });
    fireEvent.pointerOut(remove, { relatedTarget: edit });
    expect(hint()).not.toBeInTheDocument();
    fireEvent.pointerOver(edit, { pointerType: "mouse" });
    await act(() => vi.advanceTimersByTime(HINT_DELAY_MS + 10));
    expect(hint()).toHaveTextContent(/^Edit$/);

    // Pressing the button hides it.
    fireEvent.pointerDown(edit);
    expect(hint()).not.toBeInTheDocument();
  });

  it("shows the hint of a button reached with the keyboard at once, and Escape hides it", async () => {
    const user = userEvent.setup({ delay: null });
    renderButtons();
    await user.tab();
    expect(screen.getByRole("button", { name: "Delete the note “We agreed”" })).toHaveFocus();
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Delete the note “We agreed”");
    await user.keyboard("{Escape}");
    expect(hint()).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByRole("tooltip")).toHaveTextContent(/^Edit$/);
  });
});
