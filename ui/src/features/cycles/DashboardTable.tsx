// Every candidate of a cycle on one line: readiness, packet, open signals by severity; sortable,
// and each line opens onto its signals.
import { ActionIcon, Anchor, Badge, Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState, type ReactNode } from "react";
import { Link } from "wouter";

import type { CandidateRadar, Readiness } from "../../bindings";
import { READINESS, packetStatus, readinessOf, severityColor } from "./format";
import { SignalList } from "./SignalList";
import { ReadinessBadge as ReadinessWords } from "../today/glance";

export type SortKey = "name" | "target" | "readiness" | "high" | "medium" | "low";
type Sort = { key: SortKey; dir: "asc" | "desc" };

const READINESS_ORDER: Readiness[] = READINESS.map((r) => r.value);
const byName = (a: CandidateRadar, b: CandidateRadar) => a.candidate.reportName.localeCompare(b.candidate.reportName);

const VALUE: Record<SortKey, (r: CandidateRadar) => number> = {
  name: () => 0,
  target: (r) => r.candidate.targetLevel.rank,
  readiness: (r) => READINESS_ORDER.indexOf(r.candidate.readiness),
  high: (r) => r.high,
  medium: (r) => r.medium,
  low: (r) => r.low,
};

/** The rows in the order asked for; equal rows by name. */
export function sortRows(rows: CandidateRadar[], { key, dir }: Sort): CandidateRadar[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = key === "name" ? byName(a, b) : VALUE[key](a) - VALUE[key](b);
    return sign * primary || byName(a, b);
  });
}

/** A first click sorts names and readiness A→Z, counts and levels highest first. */
const FIRST_DIR: Record<SortKey, "asc" | "desc"> = { name: "asc", readiness: "asc", target: "desc", high: "desc", medium: "desc", low: "desc" };

export function DashboardTable({ rows }: { rows: CandidateRadar[] }) {
  const [sort, setSort] = useState<Sort>({ key: "high", dir: "desc" });
  const [open, setOpen] = useState<string[]>([]);
  const toggle = (id: string) => setOpen((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]));
  const header = (key: SortKey, label: ReactNode, name: string) => (
    <SortHeader sort={sort} column={key} name={name} onSort={() => setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: FIRST_DIR[key] }))}>
      {label}
    </SortHeader>
  );
  return (
    // Scrolls sideways only in a window far narrower than 1024 px; headers wrap before that.
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Candidates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Signals</VisuallyHidden>
            </Table.Th>
            {header("name", "Name", "name")}
            {header("target", "Target level", "target level")}
            {header("readiness", "Readiness", "readiness")}
            <Table.Th>Packet</Table.Th>
            {header("high", <Text span c={severityColor("high")} fw={700} inherit>High</Text>, "high-severity signals")}
            {header("medium", <Text span c={severityColor("medium")} fw={700} inherit>Medium</Text>, "medium-severity signals")}
            {header("low", <Text span c={severityColor("low")} fw={700} inherit>Low</Text>, "low-severity signals")}
            <Table.Th>Acknowledged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortRows(rows, sort).map((r) => {
            const c = r.candidate;
            const expanded = open.includes(c.id);
            const panel = `signals-${c.id}`;
            return (
              <Fragment key={c.id}>
                <Table.Tr data-testid="candidate-row">
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`${expanded ? "Hide" : "Show"} signals for ${c.reportName}`}
                      aria-expanded={expanded}
                      aria-controls={panel}
                      onClick={() => toggle(c.id)}
                    >
                      {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} href={`/candidates/${c.id}`} fw={600} data-testid="candidate-name">
                      {c.reportName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td data-testid="target-level">{c.targetLevel.name}</Table.Td>
                  <Table.Td>
                    {/* Words in their colour, not a badge: a narrow column wraps them instead of cutting them. */}
                    <ReadinessWords readiness={c.readiness} />
                  </Table.Td>
                  <Table.Td data-testid="packet-status">
                    {c.packetVersions === 0 ? (
                      <Text size="sm" fw={600} c="orange">
                        no draft
                      </Text>
                    ) : (
                      <Text size="sm">{packetStatus(c.packetVersions)}</Text>
                    )}
                  </Table.Td>
                  <Count n={r.high} color={severityColor("high")} testId="count-high" />
                  <Count n={r.medium} color={severityColor("medium")} testId="count-medium" />
                  <Count n={r.low} color={severityColor("low")} testId="count-low" />
                  <Table.Td data-testid="count-acknowledged">
                    <Text size="sm" c="dimmed">
                      {r.acknowledged}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={panel}>
                    <Table.Td />
                    <Table.Td colSpan={8}>
                      <SignalList signals={r.signals} reportId={c.reportId} reportName={c.reportName} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const r = readinessOf(readiness);
  return (
    <Badge color={r.color} variant={readiness === "undecided" ? "outline" : "light"} data-testid="readiness">
      {r.label}
    </Badge>
  );
}

function Count({ n, color, testId }: { n: number; color: string; testId: string }) {
  return (
    <Table.Td data-testid={testId}>
      {n === 0 ? (
        <Text size="sm" c="dimmed">
          0
        </Text>
      ) : (
        <Badge color={color} variant="filled" autoContrast circle size="lg">
          {n}
        </Badge>
      )}
    </Table.Td>
  );
}

function SortHeader(props: { sort: Sort; column: SortKey; name: string; onSort: () => void; children: ReactNode }) {
  const active = props.sort.key === props.column;
  const Icon = !active ? IconArrowsSort : props.sort.dir === "asc" ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (props.sort.dir === "asc" ? "ascending" : "descending") : "none"}>
      <UnstyledButton onClick={props.onSort} aria-label={`Sort by ${props.name}`} fz="sm" fw={700} ta="left">
        {/* The label may wrap in a narrow column. */}
        {props.children}
        <Icon size={14} aria-hidden opacity={active ? 1 : 0.4} style={{ marginLeft: 4, verticalAlign: "-2px" }} />
      </UnstyledButton>
    </Table.Th>
  );
}
