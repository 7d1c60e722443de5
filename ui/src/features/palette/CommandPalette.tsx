// The command palette (Ctrl+K, ⌘K on a Mac, from anywhere): go to any report, report tab,
// cycle or screen, or do the common things for a report (new evidence, hold or plan a 1:1, an
// agenda item) from the keyboard; anything typed can also be searched for everywhere.
// Mantine's Spotlight gives the dialog, the field and arrow-key selection; this file gives the
// list its listbox semantics (the field is a combobox pointing at the chosen option).
import { Group, Kbd, Text } from "@mantine/core";
import { Spotlight, useSpotlight, type createSpotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { useId, type KeyboardEvent } from "react";
import { useLocation } from "wouter";

import { useReports } from "../../api/queries";
import { useCycles } from "../../api/radar";
import { clearIntent, requestIntent } from "../../lib/intent";
import { SEARCH_INPUT_ID } from "../search/query";
import { ADD_REPORT, GROUPS, cycleEntries, matchEntries, reportEntries, screenEntries, type Entry } from "./entries";

/** The palette's own store and its open/close (made once by the shell, see `createSpotlight`). */
export type Palette = ReturnType<typeof createSpotlight>;

export const PALETTE_LABEL = "Go to or do";

export function CommandPalette({ palette }: { palette: Palette }) {
  const [store] = palette;
  return (
    <Spotlight.Root
      store={store}
      shortcut="mod + K"
      // Ctrl+K opens it from inside fields too.
      tagsToIgnore={[]}
      scrollable
      maxHeight="min(420px, 60vh)"
      yOffset="8vh"
      // The dialog's name; the field under it says the rest.
      title={PALETTE_LABEL}
      styles={{ header: { display: "none" } }}
    >
      <PaletteBody palette={palette} />
    </Spotlight.Root>
  );
}

/** Everything the palette can offer, from the roster and the cycles (read only while it is open). */
function useEntries(): Entry[] {
  const active = useReports("active").data ?? [];
  const archived = useReports("archived").data ?? [];
  const cycles = useCycles().data ?? [];
  return [...[...active, ...archived].flatMap(reportEntries), ADD_REPORT, ...screenEntries(), ...cycleEntries(cycles)];
}

function PaletteBody({ palette: [store, { close }] }: { palette: Palette }) {
  const [, navigate] = useLocation();
  const { query, selected } = useSpotlight(store);
  const shown = matchEntries(useEntries(), query);
  const listId = `palette-${useId().replace(/:/g, "")}`;
  const optionId = (i: number) => `${listId}-option-${i}`;

  const run = (entry: Entry) => {
    if (entry.intent) requestIntent(entry.intent.reportId, entry.intent.intent);
    else clearIntent();
    navigate(entry.to);
    // The search page's own field takes over (it holds the query from now on).
    if (entry.group === "Search") window.setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus(), 0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Spotlight moves its selection on the arrow keys (after this handler) without telling its
    // subscribers: tell them, so the field's active option follows.
    if (e.key === "ArrowDown" || e.key === "ArrowUp") queueMicrotask(() => store.setState(store.getState()));
    // Enter before any arrow key: the first entry.
    const first = shown[0];
    if (e.key !== "Enter" || selected >= 0 || !first) return;
    e.preventDefault();
    run(first);
    close();
  };

  let index = 0;
  return (
    <>
      <Spotlight.Search
        aria-label={PALETTE_LABEL}
        placeholder="A report, a screen, a cycle… or what to do: “evidence Ada”"
        leftSection={<IconSearch size={18} aria-hidden />}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={selected >= 0 && selected < shown.length ? optionId(selected) : undefined}
        onKeyDown={onKeyDown}
        data-testid="palette-input"
      />
      <Spotlight.ActionsList id={listId} role="listbox" aria-label="Where to go and what to do">
        {GROUPS.map((group) => {
          const entries = shown.filter((e) => e.group === group);
          if (entries.length === 0) return null;
          return (
            <Spotlight.ActionsGroup key={group} label={group} role="group" aria-label={group}>
              {entries.map((entry) => {
                const i = index++;
                return (
                  <Spotlight.Action
                    key={entry.key}
                    // Spotlight keeps `id` to itself: the option gets its own through the ref.
                    ref={(el: HTMLButtonElement | null) => {
                      if (el) el.id = optionId(i);
                    }}
                    role="option"
                    aria-selected={i === selected}
                    aria-label={entry.description ? `${entry.label}, ${entry.description}` : entry.label}
                    label={entry.label}
                    // The leading space (collapsed on screen) keeps the label and description
                    // two words in the option's text, as its accessible name has them.
                    description={entry.description && ` ${entry.description}`}
                    onClick={() => run(entry)}
                  />
                );
              })}
            </Spotlight.ActionsGroup>
          );
        })}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md" justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose · <Kbd size="xs">Enter</Kbd> to go · <Kbd size="xs">Esc</Kbd> to close
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">/</Kbd> searches everything
          </Text>
        </Group>
      </Spotlight.Footer>
    </>
  );
}
