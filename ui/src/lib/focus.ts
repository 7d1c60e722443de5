// "Open this record": search results and timeline entries navigate to the page that shows a
// record and ask for it to be brought into view. The page's record cards call
// useFocusTarget(id) and scroll to / highlight themselves when asked.
import { useEffect, useRef, useSyncExternalStore } from "react";

let focused: string | null = null;
const listeners = new Set<() => void>();

/** Asks the next page to bring the record with this id into view. */
export function focusRecord(id: string | null) {
  focused = id;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFocusedRecord(): string | null {
  return useSyncExternalStore(subscribe, () => focused);
}

/**
 * For a record card: a ref to attach, and whether the card is the one asked for. The card is
 * scrolled into view and takes keyboard focus once; the request is then cleared.
 */
export function useFocusTarget<T extends HTMLElement>(id: string) {
  const ref = useRef<T>(null);
  const isTarget = useFocusedRecord() === id;
  useEffect(() => {
    if (!isTarget || !ref.current) return;
    ref.current.scrollIntoView({ block: "center" });
    ref.current.focus({ preventScroll: true });
    const timer = window.setTimeout(() => focusRecord(null), 2000);
    return () => window.clearTimeout(timer);
  }, [isTarget]);
  return { ref, isTarget };
}

/** How a record card looks while search or the timeline brings it into view. */
export function targetStyle(isTarget: boolean) {
  return isTarget
    ? { outline: "3px solid var(--mantine-color-yellow-5)", outlineOffset: 2, transition: "outline-color 0.3s" }
    : undefined;
}
