// Export everything to one archive file, and import one (which replaces everything, after a
// backup). The format is documented in docs/archive-json.md.
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDatabaseExport } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { ImportOutcome } from "../../bindings";
import { useExportArchive } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";
import { ImportArchiveButton, ImportedSummary } from "./ImportArchive";

export function ArchiveSection() {
  const heading = useId();
  const save = useExportArchive();
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby={heading}>
      <Title order={3} id={heading}>
        Export and import
      </Title>
      <Text size="sm">
        An archive is one JSON file with everything: every record and its history,
        acknowledgements, settings, the ladder and the question bank. Use it to move Trellis to
        another computer or to keep a copy you can read.
      </Text>
      <Group>
        <Button
          leftSection={<IconDatabaseExport size={16} aria-hidden />}
          loading={save.isPending}
          onClick={() =>
            save.mutate(undefined, {
              onSuccess: (path) => {
                if (path) notifications.show({ color: "teal", message: `Saved to ${path}` });
              },
            })
          }
        >
          Export everything…
        </Button>
        <ImportArchiveButton onImported={setImported} />
      </Group>
      {save.isError && <ErrorNotice error={save.error} />}
      {imported && <ImportedSummary outcome={imported} />}
    </Stack>
  );
}

