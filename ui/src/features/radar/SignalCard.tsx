// One signal: its one-line message, when it first fired and how long before calibration, the
// records behind it (links that open them), what to do, and Acknowledge / Snooze.
import { Anchor, Badge, Button, Card, Group, List, Stack, Text } from "@mantine/core";
import { IconBellOff, IconCheck } from "@tabler/icons-react";
import { useId, useRef, useState } from "react";
import { Link } from "wouter";

import type { AckAction, Cause, Report, Signal } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { RECORD_KINDS, labelOf } from "../../lib/labels";
import { recordTarget } from "../search/recordTarget";
import { AckForm } from "./AckForm";
import { RULE_LABELS, leadPhrase, severityColor } from "./signals";

type Props = {
  report: Report;
  signal: Signal;
  /** Calibration date, or the as-of date when not a candidate. */
  reference: string;
  candidate: boolean;
  /** The candidacy judged against: a review's page is its candidacy's. */
  candidacyId: string | null;
  /** Acknowledging is for the radar of today, on an active report. */
  canAck: boolean;
};

export function SignalCard({ report, signal: s, reference, candidate, candidacyId, canAck }: Props) {
  const [acking, setAcking] = useState<AckAction | null>(null);
  const messageId = useId();
  const buttons = useRef<HTMLDivElement>(null);
  // Back to the button that opened the form (when the signal is still open here).
  const closeForm = () => {
    const opener = acking === "snoozed" ? 1 : 0;
    setAcking(null);
    window.setTimeout(() => buttons.current?.querySelectorAll("button")[opener]?.focus());
  };
  const color = severityColor(s.severity);
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={messageId}
      data-testid="signal"
      data-rule={s.rule}
      padding="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)`, opacity: s.ack ? 0.75 : 1 }}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={color} variant={s.ack ? "outline" : "filled"} style={{ flexShrink: 0 }}>
            {s.severity}
          </Badge>
          <Text fw={600} id={messageId} c={s.ack ? "dimmed" : undefined}>
            {s.message}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {RULE_LABELS[s.rule]} · since {formatDate(s.since)} ·{" "}
          <span data-testid="lead-time">{leadPhrase(s, reference, candidate)}</span>
        </Text>
        {s.causes.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Why: the records behind it
            </Text>
            <List size="sm" spacing={2}>
              {s.causes.map((c) => (
                <List.Item key={`${c.kind}-${c.id}`}>
                  <CauseLink cause={c} report={report} candidacyId={candidacyId} />
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Text size="sm">
          <Text span fw={600}>
            What to do:
          </Text>{" "}
          {s.action}
        </Text>
        {s.ack && (
          <Text size="sm" c="dimmed" data-testid="ack-state">
            {s.ack.action === "snoozed"
              ? `Snoozed on ${formatDate(s.ack.ackedOn)} until ${s.ack.until ? formatDate(s.ack.until) : "a date"}`
              : `Acknowledged on ${formatDate(s.ack.ackedOn)}`}
            : {s.ack.reason}
          </Text>
        )}
        {canAck && !s.ack && acking === null && (
          <Group gap="xs" className="no-print" ref={buttons}>
            <Button size="compact-sm" variant="light" leftSection={<IconCheck size={14} aria-hidden />} aria-describedby={messageId} onClick={() => setAcking("acknowledged")}>
              Acknowledge
            </Button>
            <Button size="compact-sm" variant="default" leftSection={<IconBellOff size={14} aria-hidden />} aria-describedby={messageId} onClick={() => setAcking("snoozed")}>
              Snooze
            </Button>
          </Group>
        )}
        {acking !== null && <AckForm reportId={report.id} signal={s} action={acking} onDone={closeForm} />}
      </Stack>
    </Card>
  );
}

function CauseLink({ cause: c, report, candidacyId }: { cause: Cause; report: Report; candidacyId: string | null }) {
  // A cause may belong to another report (the other side of a duplicate claim).
  const target = recordTarget({
    kind: c.kind,
    recordId: c.id,
    reportId: c.reportId ?? report.id,
    parentId: c.kind === "review" ? candidacyId : null,
  });
  return (
    <Anchor component={Link} href={target.path} onClick={() => focusRecord(target.focusId)} data-testid="cause-link">
      {labelOf(RECORD_KINDS, c.kind)}: {c.title}
    </Anchor>
  );
}
