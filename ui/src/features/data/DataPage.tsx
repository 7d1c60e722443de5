import { Alert, Code, Loader, Stack, Table, Text, Title } from "@mantine/core";

import type { DataDirSource } from "../../bindings";
import { useAppInfo } from "../../api/queries";

const SOURCE: Record<DataDirSource, string> = {
  flag: "chosen with --data-dir when Trellis was started",
  environment: "chosen with the TRELLIS_DATA_DIR environment variable",
  demo: "the demo's own folder (started with --demo); your real data is elsewhere",
  default: "the default folder for Trellis on this computer",
};

export function DataPage() {
  const info = useAppInfo();
  if (!info.data) return <Loader aria-label="Loading" />;
  const { dataDir, dataDirSource, dbFile, version } = info.data;
  return (
    <Stack gap="md" maw={820}>
      <Title order={2}>Your data</Title>
      <Text>
        Everything you record stays in one SQLite database on this computer. Trellis never sends
        anything anywhere.
      </Text>
      <Table aria-label="Where your data lives" variant="vertical" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>Folder</Table.Th>
            <Table.Td>
              <Code data-testid="data-dir">{dataDir}</Code>
              <Text size="xs" c="dimmed">
                {SOURCE[dataDirSource]}
              </Text>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Database file</Table.Th>
            <Table.Td>
              <Code>{dbFile}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Trellis version</Table.Th>
            <Table.Td>{version}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Alert color="blue" title="Backing up by hand">
        <Text size="sm">
          Until automatic backups arrive, quit Trellis and copy the whole folder above somewhere
          safe. To back up while Trellis is open, use SQLite's online backup:
        </Text>
        <Code block mt="xs">{`sqlite3 "${dbFile}" ".backup '${dataDir}-backup.sqlite3'"`}</Code>
        <Text size="sm" mt="xs">
          To restore, quit Trellis and put the copy back as <Code>trellis.sqlite3</Code> in the
          folder (remove any <Code>-wal</Code> and <Code>-shm</Code> files next to it).
        </Text>
      </Alert>
    </Stack>
  );
}
