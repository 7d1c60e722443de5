// The report's manager history, newest first. A new manager inside a promotion cycle may never
// have seen the work that will be judged: the radar flags such a change.
import { Badge, Box, Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";

import type { ManagerChange, Report } from "../../bindings";
import { refreshRadar, useManagerChanges } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { DeleteButton } from "../../components/DeleteButton";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { focusRecord, targetStyle, useFocusTarget } from "../../lib/focus";
import { ManagerChangeForm } from "./ManagerChangeForm";
import { IconButton } from "../../components/IconButton";

export function ManagerHistoryCard({ report }: { report: Report }) {
  const changes = useManagerChanges(report.id);
  const [editing, setEditing] = useState<string | null>(null);
  const editable = report.archivedAt === null;
  const list = changes.data ?? [];
  const addButton = useRef<HTMLButtonElement>(null);
  // Back to where the user was: the saved or edited entry, else the Add button.
  const done = (id?: string) => {
    setEditing(null);
    if (id) focusRecord(id);
    else window.setTimeout(() => addButton.current?.focus());
  };

  return (
    <Card withBorder component="section" aria-labelledby="manager-history-title" data-testid="manager-history">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h5" id="manager-history-title">
            Manager history
          </Title>
          {editable && editing !== "new" && (
            <Button ref={addButton} size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing("new")} disabled={editing !== null}>
              Add manager change
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          A new manager inside a promotion cycle may never have seen the work the committee will
          judge: the radar flags any change between a cycle's opening and its calibration, so
          you can hand over the record in time.
        </Text>
        {changes.isPending && <Loader size="sm" aria-label="Loading the manager history" />}
        {changes.isError && <ErrorNotice error={changes.error} />}
        {editable && editing === "new" && <ManagerChangeForm report={report} onDone={done} />}
        {changes.data && list.length === 0 && editing !== "new" && (
          <EmptyLine testId="manager-history-empty">
            No manager change recorded for {report.name}.{editable && " When they change manager, or a re-org moves them, add it here."}
          </EmptyLine>
        )}
        {list.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
            {list.map((c) =>
              editable && editing === c.id ? (
                <li key={c.id}>
                  <ManagerChangeForm key={c.version} report={report} change={c} onDone={() => done(c.id)} />
                </li>
              ) : (
                <Entry key={c.id} change={c} editable={editable && editing === null} onEdit={() => setEditing(c.id)} />
              ),
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Entry({ change: c, editable, onEdit }: { change: ManagerChange; editable: boolean; onEdit: () => void }) {
  const { ref, isTarget } = useFocusTarget<HTMLLIElement>(c.id);
  const client = useQueryClient();
  return (
    <Box component="li" ref={ref} id={`record-${c.id}`} tabIndex={-1} data-testid="manager-change" style={targetStyle(isTarget)} p={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs">
            <Text size="sm">
              <Text span fw={600} component="time" dateTime={c.changedOn}>
                {formatDate(c.changedOn)}
              </Text>{" "}
              — new manager: <Text span fw={600}>{c.manager}</Text>
              {c.endedOn && (
                <Text span c="dimmed" inherit data-testid="tenure-ended">
                  {" "}
                  · until {formatDate(c.endedOn)}
                </Text>
              )}
            </Text>
            {c.isMe && (
              <Badge size="sm" color="gray" variant="outline" data-testid="is-me">
                You
              </Badge>
            )}
          </Group>
          {c.note && (
            <Text size="sm" c="dimmed" className="pre-wrap">
              {c.note}
            </Text>
          )}
        </div>
        {editable && (
          <Group gap={4} wrap="nowrap" className="no-print">
            <IconButton label={`Edit the manager change to ${c.manager}`} onClick={onEdit}>
              <IconPencil size={18} />
            </IconButton>
            <DeleteButton
              kind="manager_change"
              id={c.id}
              label={`the manager change to ${c.manager} on ${formatDate(c.changedOn)}`}
              onDeleted={() => refreshRadar(client)}
            />
          </Group>
        )}
      </Group>
    </Box>
  );
}
