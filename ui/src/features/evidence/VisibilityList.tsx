// Who has seen a piece of evidence (oldest first), with add, edit and delete per entry.
import { Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconEye, IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { Evidence, Report, VisibilityEntry } from "../../bindings";
import { useAddVisibility, useUpdateVisibility } from "../../api/record";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate } from "../../lib/dates";
import { CHANNELS, labelOf } from "../../lib/labels";
import { emptyVisibility, formFromVisibility, visibilityDraft } from "./draft";
import { VisibilityForm } from "./VisibilityForm";
import { IconButton } from "../../components/IconButton";

type Props = { report: Report; evidence: Evidence; readOnly: boolean };

export function VisibilityList({ report, evidence, readOnly }: Props) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  // Where focus goes back to when a form closes: the entry's Edit button, or "Add who saw it".
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const closeEdit = (id: string) => {
    setEditing(null);
    setReturnTo(id);
  };
  const closeAdd = () => {
    setAdding(false);
    setReturnTo("add");
  };
  const add = useAddVisibility(report.id);
  const update = useUpdateVisibility(report.id);
  const entries = evidence.visibility;

  return (
    <Stack gap={6} role="group" aria-label={`Who has seen ${evidence.title}`}>
      <Group gap={6}>
        <IconEye size={16} aria-hidden />
        <Text size="sm" fw={600}>
          Who has seen it
        </Text>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="nobody-saw">
          Nobody is recorded as having seen this yet. If the people who decide have not seen
          it, it will not count at calibration.
        </Text>
      ) : (
        <List listStyleType="none" spacing={4} aria-label={`People who saw ${evidence.title}`}>
          {entries.map((entry) =>
            editing === entry.id ? (
              <List.Item key={entry.id}>
                <VisibilityForm
                  report={report}
                  initial={formFromVisibility(entry)}
                  label={`Edit when ${entry.person.name} saw it`}
                  submitLabel="Save"
                  onCancel={() => closeEdit(entry.id)}
                  onSubmit={(values) =>
                    update.mutateAsync(
                      { id: entry.id, expectedVersion: entry.version, draft: visibilityDraft(values) },
                      { onSuccess: () => closeEdit(entry.id) },
                    )
                  }
                />
              </List.Item>
            ) : (
              <List.Item key={entry.id} data-testid="visibility-entry">
                <SeenBy
                  entry={entry}
                  evidenceTitle={evidence.title}
                  readOnly={readOnly}
                  focusEdit={returnTo === entry.id}
                  onEdit={() => setEditing(entry.id)}
                />
              </List.Item>
            ),
          )}
        </List>
      )}
      {!readOnly && adding && (
        <VisibilityForm
          report={report}
          initial={emptyVisibility()}
          label={`Who saw ${evidence.title}`}
          submitLabel="Add"
          onCancel={closeAdd}
          onSubmit={(values) =>
            add.mutateAsync(
              { evidenceId: evidence.id, draft: visibilityDraft(values) },
              {
                onSuccess: () => {
                  closeAdd();
                  notifications.show({ message: `Recorded who saw “${evidence.title}”.`, color: "teal" });
                },
              },
            )
          }
        />
      )}
      {!readOnly && !adding && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            aria-label={`Add who saw it: ${evidence.title}`}
            autoFocus={returnTo === "add"}
            onClick={() => setAdding(true)}
          >
            Add who saw it
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SeenBy({
  entry,
  evidenceTitle,
  readOnly,
  focusEdit,
  onEdit,
}: {
  entry: VisibilityEntry;
  evidenceTitle: string;
  readOnly: boolean;
  focusEdit: boolean;
  onEdit: () => void;
}) {
  const { person } = entry;
  const role = person.relationship === "skip_level" ? "skip-level" : person.relationship === "leadership" ? "leadership" : null;
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      {/* A div, not a p: the badge inside renders as a div. */}
      <Text size="sm" component="div">
        <Text span fw={500}>
          {person.name}
        </Text>
        {role && (
          <Badge ml={6} size="xs" variant="light" color="indigo">
            {role}
          </Badge>
        )}
        {" · "}
        {labelOf(CHANNELS, entry.channel)} · {formatDate(entry.seenOn)}
        {entry.detail && (
          <Text span c="dimmed">
            {" · "}
            {entry.detail}
          </Text>
        )}
      </Text>
      {!readOnly && (
        <Group gap={2} wrap="nowrap">
          <IconButton label={`Edit when ${person.name} saw it`} hint="Edit" color="gray" autoFocus={focusEdit} onClick={onEdit}>
            <IconPencil size={16} />
          </IconButton>
          <DeleteButton kind="visibility" id={entry.id} label={`${person.name} seeing “${evidenceTitle}”`} />
        </Group>
      )}
    </Group>
  );
}
