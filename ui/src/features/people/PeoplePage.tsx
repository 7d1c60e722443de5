// The people directory: everyone the record refers to (reports, the skip-level, leaders,
// peers, mentees, partners), typed in once and chosen from pickers everywhere else.
import { Alert, Button, Card, CloseButton, Group, Kbd, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconAddressBook, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { Person, Relationship } from "../../bindings";
import { usePeople } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { PeopleTable } from "./PeopleTable";
import { PersonForm } from "./PersonForm";

const SKIP_LEVEL_WHY = "Add your manager as Skip-level so Trellis can tell what they have not seen.";

/** What the form card shows: nothing, a new person (maybe with a relationship), or an edit. */
type Editing = null | { kind: "new"; relationship?: Relationship } | { kind: "edit"; id: string };

export function PeoplePage() {
  const people = usePeople();
  const [filter, setFilter] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const startNew = (relationship?: Relationship) => setEditing({ kind: "new", relationship });
  useHotkeys([["n", () => editing === null && startNew()]]);

  const all = people.data ?? [];
  const q = filter.trim().toLowerCase();
  const shown = q ? all.filter((p) => p.name.toLowerCase().includes(q) || p.title.toLowerCase().includes(q)) : all;
  const edited = editing?.kind === "edit" ? all.find((p) => p.id === editing.id) : undefined;
  // An edit whose person has gone (deleted elsewhere) shows no form.
  const formOpen = editing?.kind === "new" || edited !== undefined;

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Title order={2}>People</Title>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => startNew()} disabled={editing !== null} data-testid="add-person">
          Add person
        </Button>
      </Group>
      <Text c="dimmed">
        Everyone your records mention: your reports, your manager (the skip-level), leaders who
        sponsor or advocate, peers, mentees and partners. Type someone in once; every picker offers
        them from then on.
      </Text>
      {editing && formOpen && (
        <Card withBorder data-testid="person-form-card">
          <Title order={3} size="h4" mb="sm">
            {edited ? `Edit ${edited.name}` : "Add someone to people"}
          </Title>
          <PersonForm
            // A reload after a conflict gives a fresh form on the latest version.
            key={edited ? `${edited.id}-${edited.version}` : "new"}
            person={edited}
            relationship={editing.kind === "new" ? editing.relationship : undefined}
            onDone={() => setEditing(null)}
          />
        </Card>
      )}
      {people.isPending && <Loader aria-label="Loading people" />}
      {people.isError && <ErrorNotice error={people.error} />}
      {people.data && all.length === 0 && !editing && <EmptyPeople onAdd={startNew} />}
      {people.data && all.length > 0 && (
        <>
          {!all.some((p) => p.relationship === "skip_level") && (
            <Alert color="violet" title="No skip-level recorded" data-testid="no-skip-level">
              <Text size="sm">{SKIP_LEVEL_WHY}</Text>
              {!editing && (
                <Button mt="xs" size="xs" variant="light" color="violet" onClick={() => startNew("skip_level")}>
                  Add your skip-level
                </Button>
              )}
            </Alert>
          )}
          <Group justify="space-between" align="flex-end">
            <TextInput
              label="Filter people"
              placeholder="Name or title"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              rightSection={filter ? <CloseButton aria-label="Clear the filter" onClick={() => setFilter("")} /> : null}
              w={320}
              data-testid="people-filter"
            />
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="people-count">
              {q ? `${shown.length} of ${countOf(all)}` : countOf(all)}
            </Text>
          </Group>
          {shown.length > 0 ? (
            <PeopleTable people={shown} editing={editing?.kind === "edit" ? editing.id : null} onEdit={(p: Person) => setEditing({ kind: "edit", id: p.id })} />
          ) : (
            <Text c="dimmed" data-testid="people-no-match">
              Nobody’s name or title matches “{filter.trim()}”.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function countOf(people: Person[]) {
  return `${people.length} ${people.length === 1 ? "person" : "people"}`;
}

function EmptyPeople({ onAdd }: { onAdd: (relationship?: Relationship) => void }) {
  return (
    <Empty
      testId="people-empty"
      icon={<IconAddressBook size={32} aria-hidden />}
      title="Nobody in the directory yet"
      next={
        <Text span inherit>
          {SKIP_LEVEL_WHY} Press <Kbd>N</Kbd> to add someone.
        </Text>
      }
      action={
        <>
          <Button onClick={() => onAdd("skip_level")}>Add your skip-level</Button>
          <Button variant="default" onClick={() => onAdd()}>
            Add someone else
          </Button>
        </>
      }
      why="Then add the leaders who sponsor or would advocate for your reports, their mentees and the partners they work with, or add people from any form as you go. Reports join automatically when you add them on the roster."
    />
  );
}
