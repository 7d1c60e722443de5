// Deleting asks first, then can be undone from the notice that follows.
import { ActionIcon, Button, Group, Modal, Text, Tooltip } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";

import type { RecordKind } from "../bindings";
import { useDeleteWithUndo } from "../api/undo";
import { ErrorNotice } from "./ErrorNotice";

type Props = {
  kind: RecordKind;
  id: string;
  /** What is deleted, in words: "the evidence item “Ledger migration”". */
  label: string;
  /** Called after the record is deleted (e.g. to leave its page). */
  onDeleted?: () => void;
};

export function DeleteButton({ kind, id, label, onDeleted }: Props) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteWithUndo();
  return (
    <>
      <Tooltip label={`Delete ${label}`}>
        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${label}`} onClick={() => setOpen(true)}>
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Delete ${label}?`}>
        <Text size="sm">You can undo this from the notice that appears afterwards.</Text>
        {remove.error && <ErrorNotice error={remove.error} />}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="confirm-delete"
            onClick={() =>
              remove.mutate(
                { kind, id, label },
                {
                  onSuccess: () => {
                    setOpen(false);
                    onDeleted?.();
                  },
                },
              )
            }
          >
            Delete
          </Button>
        </Group>
      </Modal>
    </>
  );
}
