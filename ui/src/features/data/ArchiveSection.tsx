// Export everything to one archive file, and import one (which replaces everything, after a
// backup). The format is documented in docs/archive-json.md.
import { Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDatabaseExport, IconDatabaseImport } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { ImportOutcome } from "../../bindings";
import { useExportArchive, useImportArchive } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatWhen } from "./format";

export function ArchiveSection() {
  const heading = useId();
  const save = useExportArchive();
  const [importing, setImporting] = useState(false);
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
        <Button
          variant="default"
          leftSection={<IconDatabaseImport size={16} aria-hidden />}
          onClick={() => {
            setImported(null);
            setImporting(true);
          }}
        >
          Import an archive…
        </Button>
      </Group>
      {save.isError && <ErrorNotice error={save.error} />}
      {imported && <ImportedSummary outcome={imported} />}
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(outcome) => {
            setImporting(false);
            setImported(outcome);
          }}
        />
      )}
    </Stack>
  );
}

function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (o: ImportOutcome) => void }) {
  const load = useImportArchive();
  return (
    <Modal opened onClose={onClose} title="Replace everything with an archive?">
      <Stack gap="sm">
        <Text size="sm">
          Importing replaces all the data in this folder with the archive’s. Trellis checks the
          whole file first: if anything in it is wrong, nothing changes and you are told which
          record and field.
        </Text>
        <Text size="sm">Before importing, Trellis backs up your data as it is now (“Before an import”).</Text>
        {load.isError && <ErrorNotice error={load.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={load.isPending}
            data-testid="choose-archive"
            onClick={() =>
              load.mutate(undefined, {
                onSuccess: (outcome) => {
                  if (outcome) onImported(outcome);
                },
              })
            }
          >
            Choose the archive…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportedSummary({ outcome }: { outcome: ImportOutcome }) {
  const filled = outcome.summary.tables.filter((t) => t.rows > 0);
  return (
    <Stack gap={4} data-testid="import-summary" role="status">
      <Text size="sm" fw={600}>
        Imported {outcome.summary.records} records from {outcome.path}.
      </Text>
      <Text size="sm">
        Your data from just before is in the backup made {formatWhen(outcome.safetyCopy.createdAt)}.
      </Text>
      <Text size="sm" c="dimmed">
        {filled.map((t) => `${t.table.replace(/_/g, " ")}: ${t.rows}`).join(" · ")}
      </Text>
    </Stack>
  );
}
