// The app's screens, as the sidebar and the command palette list them: where each lives, its
// name, its icon, and which addresses belong to it (for the sidebar's current entry).
import {
  IconAddressBook,
  IconAdjustments,
  IconBell,
  IconBook,
  IconDatabase,
  IconLadder,
  IconMessageQuestion,
  IconRadar,
  IconSearch,
  IconSun,
  IconUsers,
} from "@tabler/icons-react";

export const NAV = [
  { href: "/", label: "Today", icon: IconSun, match: (p: string) => p === "/" },
  { href: "/roster", label: "Roster", icon: IconUsers, match: (p: string) => p === "/roster" || p.startsWith("/reports") || p === "/archived" },
  { href: "/cycles", label: "Cycles", icon: IconRadar, match: (p: string) => p.startsWith("/cycles") || p.startsWith("/candidates") },
  { href: "/rules", label: "Rules of thumb", icon: IconBook, match: (p: string) => p.startsWith("/rules") },
  { href: "/questions", label: "Question bank", icon: IconMessageQuestion, match: (p: string) => p.startsWith("/questions") },
  { href: "/people", label: "People", icon: IconAddressBook, match: (p: string) => p.startsWith("/people") },
  { href: "/search", label: "Search", icon: IconSearch, match: (p: string) => p.startsWith("/search") },
  { href: "/ladder", label: "Ladder", icon: IconLadder, match: (p: string) => p === "/ladder" },
  { href: "/settings/radar", label: "Radar settings", icon: IconAdjustments, match: (p: string) => p.startsWith("/settings/radar") },
  { href: "/settings/reminders", label: "Reminders", icon: IconBell, match: (p: string) => p.startsWith("/settings/reminders") },
  { href: "/data", label: "Your data", icon: IconDatabase, match: (p: string) => p === "/data" },
];
