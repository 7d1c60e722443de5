// The header box with the app's real hash routing (not the memory location of renderApp): the
// query must survive the trip through `useHashLocation` to the search page.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { useHashLocation } from "wouter/use-hash-location";

import { Routes } from "../../App";
import { Providers, newQueryClient } from "../../Providers";
import { commands, resetCommands } from "../../test/commands";
import { ok } from "../../test/fixtures";
import { SearchBox } from "./SearchBox";

vi.mock("../../bindings", async () => ({ commands: (await import("../../test/commands")).commands }));

function renderWithHashRouting(url = "/#/") {
  window.history.replaceState(null, "", url);
  resetCommands({ search: (query) => Promise.resolve(ok({ query, hits: [], truncated: false })) });
  const user = userEvent.setup({ delay: null });
  render(
    <Providers client={newQueryClient()}>
      <Router hook={useHashLocation}>
        <SearchBox />
        <input aria-label="Some other field" />
        <Routes />
      </Router>
    </Providers>,
  );
  return { user };
}

const box = () => screen.getByRole("searchbox", { name: "Search everything" });
const pageField = () => screen.getByRole("searchbox", { name: "Search the staff record" });

afterEach(() => window.history.replaceState(null, "", "/"));

describe("SearchBox", () => {
  it("is a labelled search landmark", () => {
    renderWithHashRouting();

    expect(screen.getByRole("search", { name: "Search everything" })).toContainElement(box());
  });

  it("takes focus on / from anywhere outside a field, without typing the slash", async () => {
    const { user } = renderWithHashRouting();

    await user.keyboard("/");

    expect(box()).toHaveFocus();
    expect(box()).toHaveValue("");
  });

  it("leaves / alone inside other fields, and Ctrl+K to the command palette", async () => {
    const { user } = renderWithHashRouting();
    const other = screen.getByRole("textbox", { name: "Some other field" });

    await user.click(other);
    await user.keyboard("a/b");
    expect(other).toHaveValue("a/b");
    expect(other).toHaveFocus();

    await user.keyboard("{Control>}k{/Control}");
    expect(box()).not.toHaveFocus();
  });

  it("opens the search page with the query on Enter, through hash routing", async () => {
    const { user } = renderWithHashRouting();

    await user.type(box(), "ledger migration{Enter}");

    expect(window.location.hash).toBe("#/search");
    expect(new URLSearchParams(window.location.search).get("q")).toBe("ledger migration");
    await waitFor(() => expect(pageField()).toHaveValue("ledger migration"));
    await waitFor(() => expect(commands.search).toHaveBeenLastCalledWith("ledger migration", 50));
    expect(await screen.findByText("Nothing matches “ledger migration”")).toBeInTheDocument();
    expect(box()).toHaveValue("");
    await waitFor(() => expect(pageField()).toHaveFocus());
  });

  it("replaces the query of a search page already open", async () => {
    const { user } = renderWithHashRouting("/?q=ledger#/search");
    await waitFor(() => expect(pageField()).toHaveValue("ledger"));

    await user.type(box(), "compiler{Enter}");

    await waitFor(() => expect(pageField()).toHaveValue("compiler"));
    await waitFor(() => expect(commands.search).toHaveBeenLastCalledWith("compiler", 50));
    expect(window.location.hash).toBe("#/search");
  });

  it("keeps what is typed on the search page in the address, for Back", async () => {
    const { user } = renderWithHashRouting("/#/search");

    await user.type(pageField(), "mentee");

    await waitFor(() => expect(new URLSearchParams(window.location.search).get("q")).toBe("mentee"));
    expect(window.location.hash).toBe("#/search");
  });

  it("clears and leaves on Escape", async () => {
    const { user } = renderWithHashRouting();

    await user.type(box(), "draft");
    await user.keyboard("{Escape}");

    expect(box()).toHaveValue("");
    expect(box()).not.toHaveFocus();
  });
});
