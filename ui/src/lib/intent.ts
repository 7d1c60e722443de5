// "Do this on the next page": the command palette navigates to a report's tab and asks for one
// of its forms to open (new evidence, hold or plan a 1:1, an agenda item). The form the intent
// names reads it once when it is on screen, acts (opens, fills, takes focus) and clears it.
import { useEffect, useEffectEvent, useSyncExternalStore } from "react";

export type Intent = "new-evidence" | "hold-one-on-one" | "plan-one-on-one" | "add-agenda-item";

type Pending = { reportId: string; intent: Intent; at: number };

/** An intent not taken up by then (its form never showed: the report was archived) lapses. */
const LAPSES_AFTER_MS = 10_000;

let pending: Pending | null = null;
const listeners = new Set<() => void>();

function set(next: Pending | null) {
  pending = next;
  listeners.forEach((l) => l());
}

/** Asks the form `intent` names, on `reportId`'s page, to open as soon as it shows. */
export function requestIntent(reportId: string, intent: Intent) {
  set({ reportId, intent, at: Date.now() });
}

/** Forgets any intent still waiting (another palette entry was chosen). */
export function clearIntent() {
  set(null);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `act` once when `intent` was asked for `reportId`, then clears it. */
export function useIntent(reportId: string, intent: Intent, act: () => void) {
  const current = useSyncExternalStore(subscribe, () => pending);
  const onIntent = useEffectEvent(act);
  const asked = current !== null && current.reportId === reportId && current.intent === intent;
  useEffect(() => {
    if (!asked || pending === null) return;
    const fresh = Date.now() - pending.at < LAPSES_AFTER_MS;
    set(null);
    if (fresh) onIntent();
  }, [asked]);
}
