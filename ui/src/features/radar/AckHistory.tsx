// Every acknowledgement and snooze of this report's signals, newest first, in a list that
// opens on demand.
import { Button, Collapse, Group, List, Stack, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { Report, Signal } from "../../bindings";
import { useSignalAcks, useUndoAck } from "../../api/radar";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { RULE_LABELS } from "./signals";

export function AckHistory({ report, signals }: { report: Report; signals: Signal[] }) {
  const acks = useSignalAcks(report.id);
  const undo = useUndoAck(report.id);
  const readOnly = report.archivedAt !== null;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (acks.isError) return <ErrorNotice error={acks.error} />;
  const list = [...(acks.data ?? [])].reverse();
  if (list.length === 0) return null;
  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Stack gap="xs" data-testid="ack-history">
      <Button
        variant="subtle"
        color="gray"
        justify="flex-start"
        px={0}
        leftSection={<Chevron size={16} aria-hidden />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        w="fit-content"
      >
        History of acknowledgements ({list.length})
      </Button>
      <Collapse expanded={open} id={panelId}>
        <List spacing="xs" size="sm" listStyleType="none" pl={0}>
          {list.map((a) => {
            const current = signals.find((s) => s.causeKey === a.causeKey);
            // Only the acknowledgement that covers a signal now can be undone (an older one
            // no longer does anything).
            const covering =
              current?.ack != null && current.ack.ackedOn === a.ackedOn && current.ack.action === a.action && current.ack.reason === a.reason;
            return (
              <List.Item key={a.id} data-testid="ack-entry">
                <Text size="sm" span fw={600}>
                  {formatDate(a.ackedOn)}
                </Text>{" "}
                <Text size="sm" span>
                  {a.action === "snoozed" ? `snoozed until ${a.until ? formatDate(a.until) : "?"}` : "acknowledged"}
                  {" — "}
                  {current?.message ?? RULE_LABELS[a.rule]}
                </Text>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Text size="sm" c="dimmed">
                    {a.reason}
                  </Text>
                  {!readOnly && covering && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Undo the ${a.action === "snoozed" ? "snooze" : "acknowledgement"} of ${formatDate(a.ackedOn)}`}
                      loading={undo.isPending && undo.variables === a.id}
                      onClick={() => undo.mutate(a.id)}
                    >
                      Undo
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
        {undo.isError && <ErrorNotice error={undo.error} />}
      </Collapse>
    </Stack>
  );
}
