// Renders the real app routes (real Mantine, React Query and wouter) on an in-memory location,
// with the bindings' commands stubbed (see ./commands.ts), inside the app's shell when asked.
import { getDefaultNormalizer, render, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";

import { Routes } from "../App";
import { Shell } from "../components/Shell";
import { Providers, newQueryClient } from "../Providers";
import { commands, resetCommands, type CommandOverrides } from "./commands";

/** `shell`: inside the app's frame (header, sidebar, command palette), as the app shows them. */
export function renderApp(path: string, overrides: CommandOverrides = {}, { shell = false } = {}) {
  resetCommands(overrides);
  const location = memoryLocation({ path, record: true });
  const client = newQueryClient();
  const user = userEvent.setup({ delay: null });
  const view = render(
    <Providers client={client} env="test">
      <Router hook={location.hook}>
        {shell ? (
          <Shell>
            <Routes />
          </Shell>
        ) : (
          <Routes />
        )}
      </Router>
    </Providers>,
  );
  return {
    ...view,
    user,
    client,
    commands,
    /** Every path visited, the first being `path`. */
    history: location.history,
    /** The path shown now. */
    path: () => location.history[location.history.length - 1],
    navigate: location.navigate,
  };
}

/**
 * The control labelled `label`. Mantine puts a required field's asterisk inside its <label>
 * (aria-hidden, so not part of the accessible name) and Testing Library's label matching reads
 * the label's whole text; the normalizer drops that trailing " *".
 */
export function getByLabel(label: string, container: HTMLElement = document.body) {
  return within(container).getByLabelText(label, {
    normalizer: (text) => getDefaultNormalizer()(text).replace(/\s*\*$/, ""),
  });
}
