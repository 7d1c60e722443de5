import { Button, Group, Loader, Modal, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from "@tabler/icons-react";
import { useState } from "react";

import type { LadderLevel } from "../../bindings";
import { useLadder, useMoveLevel, useRemoveLevel } from "../../api/queries";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AddLevelForm } from "./AddLevelForm";
import { LadderHistory } from "./LadderHistory";
import { RenameLevel } from "./RenameLevel";
import { IconButton } from "../../components/IconButton";

export function LadderPage() {
  const ladder = useLadder();
  return (
    <Stack gap="md" maw={820}>
      <Title order={2}>Company ladder</Title>
      <Text c="dimmed">
        Your company's levels, highest at the top. When the ladder changes (say Senior splits into
        Senior I and Senior II), insert the new level where it belongs; reports keep their levels,
        and the change is kept in the history below.
      </Text>
      {ladder.isPending && <Loader aria-label="Loading the ladder" />}
      {ladder.isError && <ErrorNotice error={ladder.error} />}
      {ladder.data && <LadderTable ladder={ladder.data} />}
      {ladder.data && <AddLevelForm ladder={ladder.data} />}
      <LadderHistory />
    </Stack>
  );
}

function LadderTable({ ladder }: { ladder: LadderLevel[] }) {
  const move = useMoveLevel();
  const remove = useRemoveLevel();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<LadderLevel | null>(null);
  const failure = move.error ?? remove.error;
  // Highest level on top, as people picture a ladder.
  const top = [...ladder].reverse();

  return (
    <Stack gap="xs">
      {failure && <ErrorNotice error={failure} />}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={`Remove ${removing?.name ?? ""}?`}>
        <Text size="sm">
          The level leaves the ladder and the removal is kept in the history. Levels that reports
          use cannot be removed.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            onClick={() => {
              if (removing) remove.mutate(removing.id);
              setRemoving(null);
            }}
          >
            Remove level
          </Button>
        </Group>
      </Modal>
      <Table aria-label="Ladder levels" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Position</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th w={110}>
              <Tooltip label="Reports at this level or aiming for it">
                <span>In use by</span>
              </Tooltip>
            </Table.Th>
            <Table.Th w={170}>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top.map((level) => (
            <Table.Tr key={level.id} data-testid="ladder-row">
              <Table.Td>{level.rank}</Table.Td>
              <Table.Td>
                {renaming === level.id ? (
                  <RenameLevel level={level} onDone={() => setRenaming(null)} />
                ) : (
                  <Text fw={500}>{level.name}</Text>
                )}
              </Table.Td>
              <Table.Td>{level.reportCount}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <IconButton label={`Move ${level.name} up`} disabled={level.rank === ladder.length} onClick={() => move.mutate({ id: level.id, rank: level.rank + 1 })}>
                    <IconArrowUp size={18} />
                  </IconButton>
                  <IconButton label={`Move ${level.name} down`} disabled={level.rank === 1} onClick={() => move.mutate({ id: level.id, rank: level.rank - 1 })}>
                    <IconArrowDown size={18} />
                  </IconButton>
                  <IconButton label={`Rename ${level.name}`} onClick={() => setRenaming(level.id)}>
                    <IconPencil size={18} />
                  </IconButton>
                  <IconButton label={`Remove ${level.name}`} hint={level.reportCount > 0 ? `${level.name} is in use` : `Remove ${level.name}`} color="red" onClick={() => setRemoving(level)}>
                    <IconTrash size={18} />
                  </IconButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

