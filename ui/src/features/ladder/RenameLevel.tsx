import { Button, Group, TextInput } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { useState } from "react";

import type { LadderLevel } from "../../bindings";
import { fieldErrors, toUiError } from "../../api/ipc";
import { useRenameLevel } from "../../api/queries";

export function RenameLevel({ level, onDone }: { level: LadderLevel; onDone: () => void }) {
  const [name, setName] = useState(level.name);
  const rename = useRenameLevel();
  const error = rename.error ? (fieldErrors(rename.error).name ?? toUiError(rename.error).message) : undefined;
  const save = () => rename.mutate({ id: level.id, name }, { onSuccess: onDone });
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        aria-label={`New name for ${level.name}`}
        value={name}
        autoFocus
        error={error}
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={getHotkeyHandler([
          ["Enter", save],
          ["Escape", onDone],
        ])}
      />
      <Button size="sm" onClick={save} loading={rename.isPending}>
        Save
      </Button>
      <Button size="sm" variant="default" onClick={onDone}>
        Cancel
      </Button>
    </Group>
  );
}
