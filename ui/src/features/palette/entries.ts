// What the command palette offers, in words: every screen, every report (and each of their
// tabs), every cycle, and the common things to do for a report; and which of them match what
// was typed. Pure: the palette feeds it the roster and the cycles.
import type { Cycle, Report } from "../../bindings";
import { NAV } from "../../components/nav";
import { formatDate } from "../../lib/dates";
import type { Intent } from "../../lib/intent";
import { REPORT_TABS } from "../roster/reportTabs";
import { searchPath } from "../search/query";

/** The palette's groups, in the order they are shown. */
export const GROUPS = ["Reports", "Actions", "Screens", "Cycles", "Report tabs", "Search"] as const;
export type Group = (typeof GROUPS)[number];

export type Entry = {
  /** React's key: never shown. */
  key: string;
  group: Group;
  label: string;
  description?: string;
  /** More words it is found by. */
  keywords?: string;
  /** Where it goes. */
  to: string;
  /** The form to open there. */
  intent?: { reportId: string; intent: Intent };
};

/** At most this many entries of a group are shown for a query (refine it to see others). */
const PER_GROUP = 8;

export function screenEntries(): Entry[] {
  return NAV.map((n) => ({ key: `screen:${n.href}`, group: "Screens", label: n.label, keywords: "screen page go to", to: n.href }));
}

export function cycleEntries(cycles: Cycle[]): Entry[] {
  return cycles.map((c) => ({
    key: `cycle:${c.id}`,
    group: "Cycles",
    label: c.name,
    description: `Calibration ${formatDate(c.calibrationDate)} · packets due ${formatDate(c.packetDue)}`,
    keywords: "cycle calibration promotion dashboard",
    to: `/cycles/${c.id}`,
  }));
}

/** A report, each of their tabs and, while they are on the roster, what to do for them. */
export function reportEntries(r: Report): Entry[] {
  const page = `/reports/${r.id}`;
  const archived = r.archivedAt !== null;
  const about = `${r.currentLevel.name} · ${r.team}`;
  const entries: Entry[] = [
    { key: `report:${r.id}`, group: "Reports", label: r.name, description: archived ? `Archived · ${about}` : about, keywords: r.team, to: page },
    ...REPORT_TABS.map(
      (t): Entry => ({ key: `tab:${r.id}:${t.value}`, group: "Report tabs", label: `${r.name} · ${t.label}`, keywords: "tab", to: `${page}/${t.value}` }),
    ),
  ];
  if (archived) return entries;
  const act = (intent: Intent, label: string, keywords: string, tab: string): Entry => ({
    key: `do:${r.id}:${intent}`,
    group: "Actions",
    label,
    keywords,
    to: `${page}/${tab}`,
    intent: { reportId: r.id, intent },
  });
  return [
    ...entries,
    act("new-evidence", `New evidence for ${r.name}`, "add record brag work", "evidence"),
    act("hold-one-on-one", `Hold a 1:1 with ${r.name} today`, "record one on one 1-1 meeting", "one-on-ones"),
    act("plan-one-on-one", `Plan the next 1:1 with ${r.name}`, "schedule one on one 1-1 meeting", "one-on-ones"),
    act("add-agenda-item", `Add an agenda item for ${r.name}`, "agenda 1:1 one on one raise topic", "one-on-ones"),
    { key: `edit:${r.id}`, group: "Actions", label: `Edit ${r.name}'s details`, keywords: "change level team cadence", to: `${page}/edit` },
  ];
}

export const ADD_REPORT: Entry = { key: "new-report", group: "Actions", label: "Add a report", keywords: "new person roster", to: "/reports/new" };

/** Lower case, accents off: "André" is found by "andre". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a text: "Ada Lovelace's · 1:1 prep" → ada, lovelace, s, 1:1, prep. */
const wordsOf = (text: string) => fold(text).split(/[\s·'’“”,]+/).filter(Boolean);

/**
 * How well `entry` matches the typed `words`, or null when one of them starts no word of its
 * label or keywords ("ada" finds Ada, not Radar). Words found in the label count most.
 */
function score(entry: Entry, words: string[]): number | null {
  const label = wordsOf(entry.label);
  const keywords = wordsOf(entry.keywords ?? "");
  const inLabel = (w: string) => label.some((l) => l.startsWith(w));
  if (!words.every((w) => inLabel(w) || keywords.some((k) => k.startsWith(w)))) return null;
  return words.filter(inLabel).length + (label[0]?.startsWith(words[0] ?? "") ? 1 : 0);
}

/**
 * What to show for `query`: nothing typed, the screens, the reports and the cycles (and adding a
 * report); else every entry with each typed word, best first within its group, and last the
 * search of everything for what was typed.
 */
export function matchEntries(entries: Entry[], query: string): Entry[] {
  const words = wordsOf(query);
  if (words.length === 0) {
    const browse = entries.filter((e) => e.group === "Screens" || e.group === "Reports" || e.group === "Cycles" || e === ADD_REPORT);
    return GROUPS.flatMap((g) => browse.filter((e) => e.group === g));
  }
  const scored = entries.flatMap((e) => {
    const s = score(e, words);
    return s === null ? [] : [{ e, s }];
  });
  const shown = GROUPS.flatMap((g) =>
    scored
      .filter(({ e }) => e.group === g)
      .sort((a, b) => b.s - a.s)
      .slice(0, PER_GROUP)
      .map(({ e }) => e),
  );
  const text = query.trim();
  return [...shown, { key: "search", group: "Search", label: `Search everything for “${text}”`, to: searchPath(text) }];
}
