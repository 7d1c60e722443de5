import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { Link } from "wouter";

import type { Person, Relationship } from "../../bindings";
import { DeleteButton } from "../../components/DeleteButton";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { RELATIONSHIPS, labelOf } from "../../lib/labels";
import { IconButton } from "../../components/IconButton";

const COLORS: Record<Relationship, string> = {
  report: "teal",
  skip_level: "violet",
  leadership: "indigo",
  peer: "blue",
  my_org: "cyan",
  cross_functional: "grape",
  other: "gray",
};

export function RelationshipBadge({ relationship }: { relationship: Relationship }) {
  const skip = relationship === "skip_level";
  return (
    <Badge color={COLORS[relationship]} variant={skip ? "filled" : "light"}>
      {labelOf(RELATIONSHIPS, relationship)}
    </Badge>
  );
}

type Props = {
  people: Person[];
  /** The person whose edit form is open, if any. */
  editing: string | null;
  onEdit: (person: Person) => void;
};

export function PeopleTable({ people, editing, onEdit }: Props) {
  return (
    <Table highlightOnHover verticalSpacing="sm" aria-label="People">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Role or title</Table.Th>
          <Table.Th>Relationship</Table.Th>
          <Table.Th w={100}>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <PersonRow key={p.id} person={p} editing={editing === p.id} onEdit={() => onEdit(p)} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PersonRow({ person: p, editing, onEdit }: { person: Person; editing: boolean; onEdit: () => void }) {
  const { ref, isTarget } = useFocusTarget<HTMLTableRowElement>(p.id);
  const skip = p.relationship === "skip_level";
  return (
    <Table.Tr
      ref={ref}
      id={`record-${p.id}`}
      tabIndex={-1}
      data-testid="person-row"
      data-skip-level={skip || undefined}
      bg={editing ? "var(--mantine-color-teal-light)" : skip ? "var(--mantine-color-violet-light)" : undefined}
      style={targetStyle(isTarget)}
    >
      <Table.Td>
        <Stack gap={2}>
          {p.reportId ? (
            <Anchor component={Link} href={`/reports/${p.reportId}`} fw={600}>
              {p.name}
            </Anchor>
          ) : (
            <Text fw={600}>{p.name}</Text>
          )}
          {p.notes && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {p.notes}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.title || "—"}</Text>
      </Table.Td>
      <Table.Td>
        <RelationshipBadge relationship={p.relationship} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <IconButton label={`Edit ${p.name}`} onClick={onEdit}>
            <IconPencil size={18} />
          </IconButton>
          {/* Reports are archived from their page, never deleted from the directory. */}
          {!p.reportId && <DeleteButton kind="person" id={p.id} label={p.name} />}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
