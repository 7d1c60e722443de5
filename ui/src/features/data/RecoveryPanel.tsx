// Shown instead of the app when the database was found damaged at start-up: what happened,
// that nothing was overwritten, and the newest good backup to restore (or starting empty).
import { Alert, Button, Code, Group, List, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";

import type { Damage } from "../../bindings";
import { useRestoreAfterDamage, useStartEmptyAfterDamage } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatCounts, formatWhen } from "./format";

export function RecoveryPanel({ damage }: { damage: Damage }) {
  const restore = useRestoreAfterDamage();
  const startEmpty = useStartEmptyAfterDamage();
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const backup = damage.newestGoodBackup;
  return (
    <Stack gap="md" maw={820} data-testid="recovery">
      <Alert color="red" title="Your data file is damaged" icon={<IconAlertTriangle aria-hidden />} role="alert">
        <Text size="sm">{damage.explanation}</Text>
      </Alert>
      <Text size="sm">
        The damaged file was moved to <Code>{damage.movedTo}</Code>. Nothing was deleted or
        overwritten.
      </Text>
      {damage.problems.length > 0 && (
        <details>
          <summary>What the check found</summary>
          <List size="sm" mt="xs">
            {damage.problems.map((p, i) => (
              <List.Item key={i}>
                <Code>{p}</Code>
              </List.Item>
            ))}
          </List>
        </details>
      )}
      {backup ? (
        <Stack gap="xs">
          <Title order={3}>Restore the newest good backup</Title>
          <Text size="sm">
            The backup made {formatWhen(backup.createdAt)} passed a full check. It holds{" "}
            {formatCounts(backup)}. Anything recorded after it was made is not in it.
          </Text>
          <Group>
            <Button
              data-autofocus
              loading={restore.isPending}
              onClick={() => restore.mutate(backup.fileName)}
              data-testid="restore-newest-backup"
            >
              Restore the backup made {formatWhen(backup.createdAt)}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">There is no good backup to restore.</Text>
      )}
      {restore.isError && <ErrorNotice error={restore.error} />}
      <Stack gap="xs">
        <Title order={4}>Or start with empty data</Title>
        <Text size="sm">
          The damaged file and every backup stay where they are; you can restore a backup later
          from “Your data”.
        </Text>
        {confirmEmpty ? (
          <Group>
            <Button color="red" loading={startEmpty.isPending} onClick={() => startEmpty.mutate()}>
              Yes, start with empty data
            </Button>
            <Button variant="default" onClick={() => setConfirmEmpty(false)}>
              Cancel
            </Button>
          </Group>
        ) : (
          <Group>
            <Button variant="default" onClick={() => setConfirmEmpty(true)}>
              Start with empty data…
            </Button>
          </Group>
        )}
        {startEmpty.isError && <ErrorNotice error={startEmpty.error} />}
      </Stack>
    </Stack>
  );
}
