// Which of a report's 1:1s the history shows: planned ones always; held ones a page at a time,
// newest first; narrowed by a "find in these 1:1s" text over everything written in them. A
// record that search or the timeline asks for is always on the shown pages.
import type { Meeting } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { shownCount as pagedCount } from "../../lib/paging";

/** Held 1:1s shown at first, and added by each "Show older". */
export const PAGE = 10;

/** Everything a manager could look for in a 1:1: its date as read, notes, agenda, actions. */
function haystack(m: Meeting): string {
  return [formatDate(m.heldOn), ...m.notes.map((n) => n.body), ...m.agenda.map((a) => a.item.text), ...m.actions.map((a) => a.text)]
    .join("\n")
    .toLowerCase();
}

/** Meetings whose text holds every word of `find` (any order, any case). */
export function matching(meetings: Meeting[], find: string): Meeting[] {
  const words = find.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return meetings;
  return meetings.filter((m) => {
    const text = haystack(m);
    return words.every((w) => text.includes(w));
  });
}

/** True when the meeting is, or holds, the record with this id. */
export function holds(m: Meeting, id: string): boolean {
  return m.id === id || m.notes.some((n) => n.id === id) || m.agenda.some((a) => a.item.id === id) || m.actions.some((a) => a.id === id);
}

/**
 * How many held 1:1s to show: `pages` pages, or more so that the one holding `focused` is
 * among them.
 */
export function shownCount(held: Meeting[], pages: number, focused: string | null): number {
  return pagedCount(held, pages, PAGE, focused ? (m) => holds(m, focused) : undefined);
}
