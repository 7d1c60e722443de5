// The backups screen: every copy Trellis made (when, why, size, what is in it) and restoring
// one, which first backs up the data as it is now.
import { Button, Code, Group, Loader, Modal, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRestore } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { BackupInfo } from "../../bindings";
import { useBackups, useRestoreBackup } from "../../api/data";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { KIND_LABELS, formatCounts, formatSize, formatWhen } from "./format";

export function BackupsSection() {
  const heading = useId();
  const backups = useBackups();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby={heading}>
      <Title order={3} id={heading}>
        Backups
      </Title>
      <Text size="sm">
        Trellis copies your data into the <Code>backups</Code> folder the first time it starts each
        day and always before upgrading the data format, restoring a backup or importing an archive.
        Each copy is checked before it is kept. The last 7 daily copies are kept, and every copy
        made before an upgrade.
      </Text>
      {backups.isPending ? (
        <Loader size="sm" aria-label="Loading backups" />
      ) : backups.isError ? (
        <ErrorNotice error={backups.error} />
      ) : backups.data.length === 0 ? (
        <EmptyLine testId="backups-empty">
          No backups yet. The first one is made the next time Trellis starts: quit Trellis and open
          it again to make one now.
        </EmptyLine>
      ) : (
        <Table aria-label="Backups" striped withTableBorder data-testid="backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Holds</Table.Th>
              <Table.Th>
                <VisuallyHidden>Restore</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.data.map((b) => (
              <Table.Tr key={b.fileName} data-testid="backup-row">
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatWhen(b.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Text size="sm" fw={500} c={b.kind === "daily" ? undefined : "grape"}>
                    {KIND_LABELS[b.kind]}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatSize(b.sizeBytes)}</Table.Td>
                <Table.Td>
                  {b.problem ? (
                    <Text size="sm" c="red" data-testid="backup-problem">
                      Cannot be restored: {b.problem}
                    </Text>
                  ) : (
                    <Text size="sm">{formatCounts(b)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={b.problem !== null}
                    leftSection={<IconRestore size={14} aria-hidden />}
                    aria-label={`Restore the backup made ${formatWhen(b.createdAt)}`}
                    onClick={() => setChosen(b)}
                  >
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {chosen && <RestoreDialog backup={chosen} onClose={() => setChosen(null)} />}
    </Stack>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const restore = useRestoreBackup();
  const when = formatWhen(backup.createdAt);
  return (
    <Modal opened onClose={onClose} title={`Restore the backup made ${when}?`}>
      <Stack gap="sm">
        <Text size="sm">
          Your data will be replaced by this copy ({formatCounts(backup)}). Anything recorded after{" "}
          {when} will not be in it.
        </Text>
        <Text size="sm">
          First, Trellis backs up your data as it is now, so you can go back to it from this list
          (“Before a restore”).
        </Text>
        {restore.isError && <ErrorNotice error={restore.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep my data
          </Button>
          <Button
            color="orange"
            loading={restore.isPending}
            data-testid="confirm-restore"
            onClick={() =>
              restore.mutate(backup.fileName, {
                onSuccess: (outcome) => {
                  notifications.show({
                    color: "teal",
                    message: `Restored the backup made ${when}. Your data from just before is in the backup made ${formatWhen(outcome.safetyCopy.createdAt)}.`,
                  });
                  for (const notice of outcome.notices) notifications.show({ color: "blue", message: notice });
                  onClose();
                },
              })
            }
          >
            Restore this backup
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
