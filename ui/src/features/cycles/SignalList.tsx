// A report's radar signals: severity, what is wrong, since when, the lead time before
// calibration and what to do; acknowledged or snoozed ones after the open ones, dimmed.
import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { Link } from "wouter";

import type { ReportId, Severity, Signal } from "../../bindings";
import { EmptyLine } from "../../components/Empty";
import { formatDate } from "../../lib/dates";
import { SEVERITIES, leadTime, severityColor } from "./format";

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Open signals first, most severe first, oldest first. */
export function bySeverity(signals: Signal[]): Signal[] {
  return [...signals].sort(
    (a, b) =>
      Number(a.ack !== null) - Number(b.ack !== null) || RANK[a.severity] - RANK[b.severity] || a.since.localeCompare(b.since),
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const label = SEVERITIES.find((s) => s.value === severity)?.label ?? severity;
  return (
    <Badge color={severityColor(severity)} variant="filled" autoContrast miw={72} data-testid="severity">
      {label}
    </Badge>
  );
}

type Props = {
  signals: Signal[];
  reportId: ReportId;
  reportName: string;
};

export function SignalList({ signals, reportId, reportName }: Props) {
  const radar = `/reports/${reportId}/radar`;
  return (
    <Stack gap="xs">
      {signals.length === 0 ? (
        <EmptyLine>No signals: nothing on the radar for {reportName} on this date.</EmptyLine>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label={`Signals for ${reportName}`}>
          {bySeverity(signals).map((s) => (
            <List.Item key={`${s.rule}:${s.causeKey}`} data-testid="signal" opacity={s.ack ? 0.6 : 1}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <SeverityBadge severity={s.severity} />
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {s.message}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="signal-when">
                    Since {formatDate(s.since)}
                    {s.leadTimeDays !== null && ` · ${leadTime(s.leadTimeDays)}`}
                  </Text>
                  {s.ack ? (
                    <Text size="xs" c="dimmed" data-testid="signal-ack">
                      {s.ack.action === "snoozed" && s.ack.until ? `Snoozed until ${formatDate(s.ack.until)}` : "Acknowledged"}
                      {s.ack.reason && `: ${s.ack.reason}`}
                    </Text>
                  ) : (
                    s.action && <Text size="xs">What to do: {s.action}</Text>
                  )}
                </Stack>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} href={radar} size="sm">
        Open {reportName}'s radar
      </Anchor>
    </Stack>
  );
}
