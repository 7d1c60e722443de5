import { Code, Loader, Stack, Table, Text, Title } from "@mantine/core";

import type { DataDirSource } from "../../bindings";
import { useAppInfo } from "../../api/queries";
import { ArchiveSection } from "./ArchiveSection";
import { BackupsSection } from "./BackupsSection";
import { PassphraseSection } from "./PassphraseSection";

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
    <Stack gap="xl" maw={960}>
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
      <BackupsSection />
      <ArchiveSection />
      <PassphraseSection encrypted={info.data.encrypted} />
    </Stack>
  );
}
