// The packet's saved versions and a comparison of any two of them.
import { Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";

import type { CandidateId, PacketVersion } from "../../bindings";
import { usePacketDiff } from "../../api/radar";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { PacketDiffView } from "./PacketDiffView";
import { PacketView } from "./PacketView";

type Props = { candidateId: CandidateId; versions: PacketVersion[] };

export function VersionsSection({ candidateId, versions }: Props) {
  const newest = [...versions].sort((a, b) => b.number - a.number);
  const [from, setFrom] = useState(newest[1]?.number ?? 0);
  const [to, setTo] = useState(newest[0]?.number ?? 0);
  const [reading, setReading] = useState(newest[0]?.number ?? 0);
  const read = newest.find((v) => v.number === reading) ?? newest[0];
  const ready = from > 0 && to > 0 && from !== to;
  const diff = usePacketDiff(candidateId, from, to, ready);
  const options = newest.map((v) => ({ value: String(v.number), label: `Version ${v.number} (${formatDate(v.savedOn)})` }));

  if (versions.length === 0) {
    return (
      <EmptyLine testId="no-versions">
        No version saved yet. Write the first draft under Packet: each save keeps a version you can compare later.
      </EmptyLine>
    );
  }
  return (
    <Stack gap="md">
      <Table aria-label="Packet versions" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved on</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newest.map((v) => (
            <Table.Tr key={v.id} data-testid="version-row">
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>{formatDate(v.savedOn)}</Table.Td>
              <Table.Td>{v.note || <Text span c="dimmed" size="sm">no note</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4} size="h5">
        Read a version
      </Title>
      <NativeSelect label="Version to read" data={options} value={String(reading)} onChange={(e) => setReading(Number(e.currentTarget.value))} w="fit-content" />
      {read && <PacketView sections={read.sections} />}
      <Title order={4} size="h5">
        Compare two versions
      </Title>
      {versions.length < 2 ? (
        <Text size="sm" c="dimmed">
          Save a second version to compare it with the first.
        </Text>
      ) : (
        <>
          <Group>
            <NativeSelect label="From version" data={options} value={String(from)} onChange={(e) => setFrom(Number(e.currentTarget.value))} />
            <NativeSelect label="To version" data={options} value={String(to)} onChange={(e) => setTo(Number(e.currentTarget.value))} />
          </Group>
          {!ready && <Text size="sm" c="dimmed">Choose two different versions.</Text>}
          {ready && diff.isError && <ErrorNotice error={diff.error} />}
          {ready && diff.data && <PacketDiffView diff={diff.data} />}
        </>
      )}
    </Stack>
  );
}
