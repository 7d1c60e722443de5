// Deleting with an undo: every delete in the staff record is soft, and the notice that
// confirms it carries an Undo button that restores the record.
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { commands } from "../bindings";
import type { RecordKind } from "../bindings";
import { call, toUiError } from "./ipc";
import { refreshEverything } from "./record";

export function useDeleteWithUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { kind: RecordKind; id: string; label: string }) => call(commands.deleteRecord(a.kind, a.id)),
    onSuccess: (_, { kind, id, label }) => {
      refreshEverything(client);
      const noticeId = `deleted-${id}`;
      const undo = async () => {
        notifications.hide(noticeId);
        try {
          await call(commands.restoreRecord(kind, id));
          refreshEverything(client);
          notifications.show({ message: `Restored ${label}.`, color: "teal" });
        } catch (e) {
          notifications.show({ title: "Could not undo", message: toUiError(e).message, color: "red" });
        }
      };
      notifications.show({
        id: noticeId,
        autoClose: 10_000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">Deleted {label}.</Text>
            <Button size="compact-sm" variant="light" onClick={() => void undo()} data-testid="undo-delete">
              Undo
            </Button>
          </Group>
        ),
      });
    },
  });
}
