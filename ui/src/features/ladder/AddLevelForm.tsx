import { Button, Card, Group, NativeSelect, TextInput, Title } from "@mantine/core";
import { useState } from "react";

import type { LadderLevel } from "../../bindings";
import { fieldErrors, toUiError } from "../../api/ipc";
import { useAddLevel } from "../../api/queries";

/** Where a new level can go: rank r means it takes position r and the rest move up. */
export function positions(ladder: LadderLevel[]): { value: string; label: string }[] {
  const n = ladder.length;
  return Array.from({ length: n + 1 }, (_, i) => {
    const rank = n + 1 - i; // highest first, like the table
    const below = ladder[rank - 2];
    const above = ladder[rank - 1];
    const label =
      !above && below ? `At the top, above ${below.name}`
      : above && !below ? `At the bottom, below ${above.name}`
      : above && below ? `Between ${below.name} and ${above.name}`
      : "First level";
    return { value: String(rank), label };
  });
}

export function AddLevelForm({ ladder }: { ladder: LadderLevel[] }) {
  const [name, setName] = useState("");
  const [rank, setRank] = useState(String(ladder.length + 1));
  const add = useAddLevel();
  const errors = add.error ? fieldErrors(add.error) : {};
  const other = add.error && Object.keys(errors).length === 0 ? toUiError(add.error).message : undefined;

  return (
    <Card withBorder component="form" aria-label="Add a level" onSubmit={(e) => {
      e.preventDefault();
      add.mutate({ name, rank: Number(rank) }, { onSuccess: () => setName("") });
    }}>
      <Title order={3} size="h5" mb="xs">
        Add a level
      </Title>
      <Group align="flex-start">
        <TextInput label="Name" placeholder="Senior II" value={name} error={errors.name ?? other} onChange={(e) => setName(e.currentTarget.value)} />
        <NativeSelect label="Position" data={positions(ladder)} value={rank} error={errors.rank} onChange={(e) => setRank(e.currentTarget.value)} />
        <Button type="submit" mt={25} loading={add.isPending}>
          Add level
        </Button>
      </Group>
    </Card>
  );
}
