// When during the cycle the report's work mix drifted to snacking, preening or chasing ghosts:
// kept on the radar after its window has moved past, since the committee may remember it.
import { Anchor, Card, List, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { Link } from "wouter";

import type { Period, Report } from "../../bindings";
import { formatDate, formatMonth } from "../../lib/dates";

/** "Work mix drifted Nov 2026 – Jan 2027", "… in Nov 2026", "Work mix drifting since Nov 2026". */
export function driftPhrase(p: Period): string {
  if (p.until === null) return `Work mix drifting since ${formatMonth(p.from)}`;
  const from = formatMonth(p.from);
  const until = formatMonth(p.until);
  return from === until ? `Work mix drifted in ${from}` : `Work mix drifted ${from} – ${until}`;
}

export function DriftHistory({ report, drifted }: { report: Report; drifted: Period[] }) {
  const titleId = useId();
  if (drifted.length === 0) return null;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={titleId} data-testid="drift-history">
      <Stack gap={6}>
        <Title order={4} size="h5" id={titleId}>
          Work-mix drift during the cycle
        </Title>
        <List size="sm" spacing={2} aria-label="When the work mix drifted">
          {drifted.map((p) => (
            <List.Item key={p.from} data-testid="drift-period">
              <span title={`${formatDate(p.from)} – ${p.until ? formatDate(p.until) : "now"}`}>{driftPhrase(p)}</span>
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          More of {report.name}'s recent work was tagged snacking, preening or chasing ghosts than the
          radar's threshold allows. Listed even after the window has moved on: the committee may
          remember it, so be ready to say what changed.{" "}
          <Anchor component={Link} href={`/reports/${report.id}/evidence`} inherit>
            See the evidence
          </Anchor>
          .
        </Text>
      </Stack>
    </Card>
  );
}
