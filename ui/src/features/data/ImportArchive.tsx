// Import an archive: replaces everything in this folder with the archive's, after a warning and
// a backup of the data as it is now. On the Data page, and on the welcome of an empty folder.
import { Button, Group, Modal, Stack, Text, type ButtonProps } from "@mantine/core";
import { IconDatabaseImport } from "@tabler/icons-react";
import { useState } from "react";

import type { ImportOutcome } from "../../bindings";
import { useImportArchive } from "../../api/data";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatWhen } from "./format";

/** "Import an archive…", its warning and the file dialog; `onImported` once the data is replaced. */
export function ImportArchiveButton({ onImported, variant = "default" }: { onImported: (o: ImportOutcome) => void; variant?: ButtonProps["variant"] }) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      <Button variant={variant} leftSection={<IconDatabaseImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
        Import an archive…
      </Button>
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(outcome) => {
            setImporting(false);
            onImported(outcome);
          }}
        />
      )}
    </>
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

export function ImportedSummary({ outcome }: { outcome: ImportOutcome }) {
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
