import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";

import { Providers, newQueryClient } from "../Providers";
import { resetCommands } from "../test/commands";
import { APP_INFO } from "../test/fixtures";
import { Shell } from "./Shell";

vi.mock("../bindings", async () => ({ commands: (await import("../test/commands")).commands }));

function renderShell(info: typeof APP_INFO) {
  resetCommands({ appInfo: () => Promise.resolve(info) });
  render(
    <Providers client={newQueryClient()}>
      <Router hook={memoryLocation({ path: "/" }).hook}>
        <Shell>
          <p>page content</p>
        </Shell>
      </Router>
    </Providers>,
  );
}

describe("Shell", () => {
  it("offers the main sections as links and shows the page", async () => {
    renderShell(APP_INFO);
    expect(await screen.findByText("page content")).toBeInTheDocument();
    for (const name of ["Roster", "Ladder", "Your data"]) {
      expect(screen.getByRole("link", { name })).toBeInTheDocument();
    }
    expect(screen.queryByText("Demo data")).not.toBeInTheDocument();
  });

  it("marks demo data on every screen", async () => {
    renderShell({ ...APP_INFO, demo: true, dataDirSource: "demo" });
    expect(await screen.findByText("Demo data")).toBeInTheDocument();
  });

  it("explains a data folder that could not be opened instead of showing pages", async () => {
    renderShell({ ...APP_INFO, startupError: "Could not create the data directory /x: File exists" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Trellis could not open its data");
    expect(alert).toHaveTextContent("Could not create the data directory /x: File exists");
    expect(alert).toHaveTextContent("Nothing was changed or overwritten");
    expect(screen.queryByText("page content")).not.toBeInTheDocument();
  });
});
