// Deleting asks first, then can be undone from the notice that follows. The question's dialog
// is built the first time it is asked for: a long list has a delete button on every row.
import { Button, Group, Modal, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useRef, useState } from "react";

import type { RecordKind } from "../bindings";
import { useDeleteWithUndo } from "../api/undo";
import { ErrorNotice } from "./ErrorNotice";
import { IconButton } from "./IconButton";

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
  const button = useRef<HTMLButtonElement>(null);
  // The dialog is mounted open, so Mantine cannot note where focus was: it goes back by hand.
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <IconButton ref={button} color="red" label={`Delete ${label}`} onClick={() => setOpen(true)}>
        <IconTrash size={18} />
      </IconButton>
      {open && <Confirm kind={kind} id={id} label={label} onDeleted={onDeleted} onClose={close} />}
    </>
  );
}

function Confirm({ kind, id, label, onDeleted, onClose }: Props & { onClose: () => void }) {
  const remove = useDeleteWithUndo();
  return (
    <Modal opened onClose={onClose} title={`Delete ${label}?`}>
      <Text size="sm">You can undo this from the notice that appears afterwards.</Text>
      {remove.error && <ErrorNotice error={remove.error} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} data-autofocus>
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
                  onClose();
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
  );
}
