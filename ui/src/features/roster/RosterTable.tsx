import { Anchor, Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "wouter";

import type { Report, ReportGlance } from "../../bindings";
import { timeSince, todayIso } from "../../lib/dates";
import { archetypeLabel } from "../../lib/labels";
import { nextOneOnOneText, ReadinessBadge, SignalCounts } from "../today/glance";

/** The roster; with `glance` (active reports), also open signals, readiness and the next 1:1. */
export function RosterTable({ reports, glance }: { reports: Report[]; glance?: ReportGlance[] }) {
  const at = (id: string) => glance?.find((g) => g.reportId === id);
  const asOf = todayIso();
  return (
    // Scrolls sideways only in a window far narrower than 1024 px (the sidebar is then icons).
    <Table.ScrollContainer minWidth={glance ? 720 : 520}>
    <Table striped highlightOnHover verticalSpacing="sm" aria-label="Reports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          {glance && <Table.Th>Open signals</Table.Th>}
          {glance && <Table.Th>Readiness</Table.Th>}
          {glance && <Table.Th>Next 1:1</Table.Th>}
          <Table.Th>Level → target</Table.Th>
          <Table.Th>Archetype</Table.Th>
          <Table.Th>Team</Table.Th>
          <Table.Th>In role</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((r) => (
          <Table.Tr key={r.id} data-testid="roster-row">
            <Table.Td>
              <Anchor component={Link} href={`/reports/${r.id}`} fw={600}>
                {r.name}
              </Anchor>
            </Table.Td>
            {glance && <GlanceCells glance={at(r.id)} asOf={asOf} />}
            <Table.Td>
              <LevelToTarget report={r} />
            </Table.Td>
            <Table.Td>
              <ArchetypeFit report={r} />
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                <Text size="sm">{r.team}</Text>
                {r.teamStrength === "weak" && (
                  <Badge size="xs" variant="outline" color="gray">
                    weak team
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{timeSince(r.inRoleSince)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}

function GlanceCells({ glance, asOf }: { glance: ReportGlance | undefined; asOf: string }) {
  return (
    <>
      <Table.Td>{glance ? <SignalCounts glance={glance} /> : null}</Table.Td>
      <Table.Td>{glance ? <ReadinessBadge readiness={glance.readiness} /> : null}</Table.Td>
      <Table.Td>
        <Text size="sm">{glance ? nextOneOnOneText(glance.nextOneOnOne, asOf) : ""}</Text>
      </Table.Td>
    </>
  );
}

export function LevelToTarget({ report }: { report: Report }) {
  const same = report.currentLevel.id === report.targetLevel.id;
  return (
    <Text size="sm">
      {report.currentLevel.name}
      {same ? " (no promotion target)" : ` → ${report.targetLevel.name}`}
    </Text>
  );
}

/**
 * The archetype worked, flagged (in orange, as a mismatch is everywhere) when it differs from the
 * one the organisation needs. Plain text, not a badge: "Solver · needs Architect" wraps in a
 * narrow column instead of being cut.
 */
export function ArchetypeFit({ report }: { report: Report }) {
  const worked = archetypeLabel(report.archetypeWorked);
  const needed = archetypeLabel(report.archetypeNeeded);
  if (report.archetypeWorked === report.archetypeNeeded && report.archetypeWorked !== "unclear") {
    return (
      <Text size="sm" data-testid="archetype">
        {worked}
      </Text>
    );
  }
  const why =
    report.archetypeWorked === report.archetypeNeeded
      ? "The archetype is unclear: worth a conversation."
      : `Works as ${worked}; the organisation needs ${needed}.`;
  return (
    <Tooltip label={why} multiline>
      <Text size="sm" fw={600} c="var(--mantine-color-orange-text)" tabIndex={0} aria-label={why} data-testid="archetype">
        {worked === needed ? worked : `${worked} · needs ${needed}`}
      </Text>
    </Tooltip>
  );
}
