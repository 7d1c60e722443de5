// A report at a glance, as Today's table and the roster show it: open signals by severity
// (one colour per severity, as everywhere), the readiness call, the next 1:1.
import { Badge, Group, Text } from "@mantine/core";

import type { Readiness, ReportGlance, UpcomingOneOnOne } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { readinessOf } from "../cycles/format";
import { relativeDay } from "../oneonones/dates";
import { SEVERITIES } from "../radar/signals";

export function SignalCounts({ glance: g }: { glance: ReportGlance }) {
  const counts = SEVERITIES.map((s) => ({ ...s, n: s.value === "high" ? g.high : s.value === "medium" ? g.medium : g.low })).filter((s) => s.n > 0);
  if (counts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None open
      </Text>
    );
  // One small circle per severity, in its colour, so that a narrow column never cuts it; the
  // words are in the label and the tooltip.
  const words = counts.map((c) => `${c.n} ${c.label.toLowerCase()}`).join(", ");
  return (
    <Group gap={4} wrap="nowrap" aria-label={words} title={words} role="img">
      {counts.map((c) => (
        <Badge key={c.value} size="md" circle color={c.color} variant="filled" aria-hidden>
          {c.n}
        </Badge>
      ))}
    </Group>
  );
}

export function ReadinessBadge({ readiness }: { readiness: Readiness | null }) {
  if (!readiness)
    return (
      <Text size="sm" c="dimmed">
        Not a candidate
      </Text>
    );
  const r = readinessOf(readiness);
  return (
    <Text size="sm" fw={600} c={`var(--mantine-color-${r.color}-text)`} data-testid="readiness">
      {r.label}
    </Text>
  );
}

/** "tomorrow (8 Dec 2026)", or "due in 3 days, none planned". */
export function nextOneOnOneText(next: UpcomingOneOnOne | null, asOf: string): string {
  if (!next) return "—";
  if (next.planned) return `${relativeDay(next.on, asOf)} (${formatDate(next.on)})`;
  return next.on < asOf ? `overdue since ${formatDate(next.on)}, none planned` : `due ${relativeDay(next.on, asOf)}, none planned`;
}
