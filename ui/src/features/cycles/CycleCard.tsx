// One cycle in the list: its dates with countdowns, the committee and the candidates.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Tooltip } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "wouter";

import type { Cycle } from "../../bindings";
import { useCandidates } from "../../api/radar";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate, todayIso } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { committeeNames, countdown, lateJoiners } from "./format";
import { IconButton } from "../../components/IconButton";

type Props = { cycle: Cycle; editable: boolean; onEdit: () => void };

export function CycleCard({ cycle, editable, onEdit }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(cycle.id);
  const candidates = useCandidates(cycle.id);
  const today = todayIso();
  const past = cycle.calibrationDate < today;
  const count = candidates.data?.length;
  return (
    <Card
      withBorder
      ref={ref}
      id={`record-${cycle.id}`}
      tabIndex={-1}
      component="article"
      aria-label={cycle.name}
      data-testid="cycle-card"
      style={targetStyle(isTarget)}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <Anchor component={Link} href={`/cycles/${cycle.id}`} fw={600} size="lg">
              {cycle.name}
            </Anchor>
            {past && (
              <Badge color="gray" variant="light">
                Calibrated
              </Badge>
            )}
          </Group>
          {editable && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Edit cycle ${cycle.name}`} onClick={onEdit}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="cycle" id={cycle.id} label={`the cycle “${cycle.name}”`} />
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label="Packet due" testId="packet-due">
            {formatDate(cycle.packetDue)} <Dim>({countdown(cycle.packetDue, today)})</Dim>
          </Fact>
          <Fact label="Calibration" testId="calibration">
            {formatDate(cycle.calibrationDate)} <Dim>({countdown(cycle.calibrationDate, today)})</Dim>
          </Fact>
          <Fact label="Committee" testId="committee">
            {cycle.committee.length === 0 ? (
              <Text span c="orange" size="sm">
                nobody recorded
              </Text>
            ) : (
              <>
                <Tooltip label={committeeNames(cycle.committee)}>
                  <Text span size="sm" tabIndex={0}>
                    {cycle.committee.length} {cycle.committee.length === 1 ? "member" : "members"}
                  </Text>
                </Tooltip>
                {lateJoiners(cycle.committee).map((m) => (
                  <Text key={m.person.id} size="xs" c="dimmed" data-testid="late-joiner">
                    {m.person.name} joined {formatDate(m.joinedOn)}
                  </Text>
                ))}
              </>
            )}
          </Fact>
          <Fact label="Candidates" testId="candidates">
            {count === undefined ? "…" : count === 0 ? "none yet" : `${count} ${count === 1 ? "candidate" : "candidates"}`}
          </Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={`cycle-${testId}`}>
        {children}
      </Text>
    </div>
  );
}

function Dim({ children }: { children: ReactNode }) {
  return (
    <Text span c="dimmed" size="sm">
      {children}
    </Text>
  );
}
