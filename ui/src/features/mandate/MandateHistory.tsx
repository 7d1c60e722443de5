// Past mandates, newest first, collapsed until asked for (or until search opens one).
import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";

import type { Mandate } from "../../bindings";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate } from "../../lib/dates";
import { targetStyle, useFocusTarget, useFocusedRecord } from "../../lib/focus";
import { MANDATE_STATUSES, labelOf } from "../../lib/labels";
import { ReviewList } from "./ReviewList";

type Props = { reportId: string; past: Mandate[]; editable: boolean };

export function MandateHistory({ reportId, past, editable }: Props) {
  const [toggled, setToggled] = useState(false);
  const focused = useFocusedRecord();
  if (past.length === 0) return null;
  const open = toggled || past.some((m) => m.id === focused);
  const listId = `mandate-history-${reportId}`;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setToggled(!open)}
          data-testid="toggle-mandate-history"
        >
          Past mandates ({past.length})
        </Button>
      </Group>
      {open && (
        <Stack gap="xs" id={listId} data-testid="mandate-history">
          {past.map((m) => (
            <PastMandate key={m.id} mandate={m} editable={editable} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function PastMandate({ mandate: m, editable }: { mandate: Mandate; editable: boolean }) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(m.id);
  return (
    <Card withBorder padding="sm" ref={ref} id={`record-${m.id}`} tabIndex={-1} data-testid="past-mandate" style={targetStyle(isTarget)}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} className="pre-wrap">
              {m.statement}
            </Text>
            <Badge variant="light" color={m.status === "completed" ? "teal" : "gray"}>
              {labelOf(MANDATE_STATUSES, m.status)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(m.setOn)} – {m.endedOn ? formatDate(m.endedOn) : "?"}
            {m.priority ? ` · served: ${m.priority}` : " · tied to no company priority"}
            {m.sponsor ? ` · sponsor: ${m.sponsor.name}` : ""}
          </Text>
          {m.statusReason && (
            <Text size="sm" className="pre-wrap">
              {m.statusReason}
            </Text>
          )}
          <ReviewList reviews={m.reviews} />
        </Stack>
        {editable && <DeleteButton kind="mandate" id={m.id} label={`the past mandate “${short(m.statement)}”`} />}
      </Group>
    </Card>
  );
}

function short(text: string) {
  const line = text.split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
