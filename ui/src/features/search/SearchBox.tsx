// The header's search box: "/" focuses it from anywhere outside a field; Enter opens the search
// page with what was typed. (Ctrl+K opens the command palette, which searches too.)
import { Kbd, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useRef, useState, type FormEvent } from "react";
import { useLocation } from "wouter";

import { SEARCH_INPUT_ID, searchPath } from "./query";

export function SearchBox({ w = 320 }: { w?: number | string }) {
  const [value, setValue] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const [, navigate] = useLocation();
  const focus = () => {
    input.current?.focus();
    input.current?.select();
  };
  // "/" types a slash in other fields, so it only works outside them.
  useHotkeys([
    ["/", focus],
    ["shift+/", focus],
  ]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(searchPath(value.trim()));
    setValue("");
    // The search page's own field takes over (it holds the query from now on).
    window.setTimeout(() => document.getElementById(SEARCH_INPUT_ID)?.focus(), 0);
  };

  return (
    <form role="search" aria-label="Search everything" onSubmit={submit}>
      <TextInput
        ref={input}
        type="search"
        aria-label="Search everything"
        placeholder="Search everything"
        w={w}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== "Escape") return;
          setValue("");
          e.currentTarget.blur();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        rightSectionPointerEvents="none"
        data-testid="search-box"
      />
    </form>
  );
}
