import { fireEvent, render, screen } from "@testing-library/react";
import { Textarea } from "@mantine/core";
import { describe, expect, it } from "vitest";

import { Providers, newQueryClient } from "../../Providers";
import { growing } from "./grow";

describe("growing textarea", () => {
  it("starts at its rows without measuring anything, then grows with what is typed", () => {
    render(
      <Providers client={newQueryClient()} env="test">
        <Textarea label="Add a note" {...growing(2, 12)} />
      </Providers>,
    );
    const field = screen.getByRole("textbox", { name: "Add a note" });
    expect(field).toHaveAttribute("rows", "2");
    // Nothing set as it mounts: the browser is not made to lay out the page there and then.
    expect(field.style.height).toBe("");
    // A long text: the field takes the height of its content (and its borders).
    Object.defineProperty(field, "scrollHeight", { configurable: true, value: 180 });
    Object.defineProperty(field, "offsetHeight", { configurable: true, value: 62 });
    Object.defineProperty(field, "clientHeight", { configurable: true, value: 60 });
    fireEvent.input(field, { target: { value: "line\n".repeat(8) } });
    expect(field.style.height).toBe("182px");
    // Up to twelve lines; beyond that it scrolls.
    expect(field.style.maxHeight).toBe("calc(18.6em + 1rem)"); // 12 lines of 1.55em, and the padding
    expect(field.style.overflowY).toBe("auto");
  });
});
