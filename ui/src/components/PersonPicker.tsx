// Choosing people from the directory, or adding a new one without leaving the form, so that
// nobody is typed in twice. One picker for one person, one for several.
import { Button, Group, Modal, MultiSelect, NativeSelect, Select, Stack, TextInput } from "@mantine/core";
import { useRef, useState } from "react";

import type { Person, PersonId, Relationship } from "../bindings";
import { fieldErrors, toUiError } from "../api/ipc";
import { useCreatePerson, usePeople } from "../api/record";
import { RELATIONSHIPS } from "../lib/labels";

const NEW = "__new__:";

type Common = {
  label: string;
  description?: string;
  error?: string;
  /** People who cannot be chosen (e.g. the report themself). */
  exclude?: PersonId[];
  /** Preselected relationship when adding someone new. */
  newRelationship?: Relationship;
  required?: boolean;
  "data-testid"?: string;
};

/** The error's test id follows the forms' convention: field-<name> → error-<name>. */
function errorTestId(testId: string | undefined, fallback: string) {
  return testId?.startsWith("field-") ? `error-${testId.slice("field-".length)}` : `${testId ?? fallback}-error`;
}

function options(people: Person[] | undefined, exclude: PersonId[] = [], search: string) {
  const list = (people ?? [])
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({ value: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name }));
  const typed = search.trim();
  const exact = (people ?? []).some((p) => p.name.toLowerCase() === typed.toLowerCase());
  if (typed && !exact) list.push({ value: `${NEW}${typed}`, label: `+ Add "${typed}" to people…` });
  return list;
}

/**
 * The dropdown's open state. When the add-a-person dialog closes, focus returns to the picker,
 * which would open its list again over the next field; that one reopening is skipped.
 */
function useDropdown() {
  const [opened, setOpened] = useState(false);
  const skipNextOpen = useRef(false);
  return {
    dropdownOpened: opened,
    onDropdownOpen: () => {
      if (skipNextOpen.current) skipNextOpen.current = false;
      else setOpened(true);
    },
    onDropdownClose: () => setOpened(false),
    /** Call when a person was just added. */
    settle: () => {
      skipNextOpen.current = true;
      setOpened(false);
    },
  };
}

/** One person. */
export function PersonPicker(props: Common & { value: PersonId | null; onChange: (id: PersonId | null) => void }) {
  const people = usePeople();
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState<string | null>(null);
  const { settle, ...dropdown } = useDropdown();
  return (
    <>
      <Select
        label={props.label}
        description={props.description}
        error={props.error}
        withAsterisk={props.required}
        errorProps={{ "data-testid": errorTestId(props["data-testid"], "person") }}
        data-testid={props["data-testid"]}
        placeholder="Type a name"
        searchable
        clearable
        {...dropdown}
        searchValue={search}
        onSearchChange={setSearch}
        data={options(people.data, props.exclude, search)}
        value={props.value}
        nothingFoundMessage="Type a name to add someone new"
        onChange={(value) => {
          if (value?.startsWith(NEW)) setAdding(value.slice(NEW.length));
          else props.onChange(value);
        }}
      />
      <NewPersonModal
        name={adding}
        relationship={props.newRelationship}
        onClose={() => setAdding(null)}
        onCreated={(p) => {
          settle();
          setAdding(null);
          setSearch(p.name);
          props.onChange(p.id);
        }}
      />
    </>
  );
}

/** Several people. */
export function PeoplePicker(props: Common & { value: PersonId[]; onChange: (ids: PersonId[]) => void }) {
  const people = usePeople();
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState<string | null>(null);
  const { settle, ...dropdown } = useDropdown();
  return (
    <>
      <MultiSelect
        label={props.label}
        description={props.description}
        error={props.error}
        errorProps={{ "data-testid": errorTestId(props["data-testid"], "people") }}
        data-testid={props["data-testid"]}
        placeholder={props.value.length ? undefined : "Type a name"}
        searchable
        {...dropdown}
        searchValue={search}
        onSearchChange={setSearch}
        data={options(people.data, props.exclude, search)}
        value={props.value}
        nothingFoundMessage="Type a name to add someone new"
        onChange={(values) => {
          const added = values.find((v) => v.startsWith(NEW));
          if (added) setAdding(added.slice(NEW.length));
          else props.onChange(values);
        }}
      />
      <NewPersonModal
        name={adding}
        relationship={props.newRelationship}
        onClose={() => setAdding(null)}
        onCreated={(p) => {
          settle();
          setAdding(null);
          setSearch("");
          props.onChange([...props.value, p.id]);
        }}
      />
    </>
  );
}

/** Adds someone to the directory: name, role or title, relationship. */
function NewPersonModal(props: {
  name: string | null;
  relationship?: Relationship;
  onClose: () => void;
  onCreated: (p: Person) => void;
}) {
  return (
    <Modal opened={props.name !== null} onClose={props.onClose} title="Add someone to people">
      {props.name !== null && (
        <NewPersonForm
          key={props.name}
          name={props.name}
          relationship={props.relationship}
          onCancel={props.onClose}
          onCreated={props.onCreated}
        />
      )}
    </Modal>
  );
}

function NewPersonForm(props: {
  name: string;
  relationship?: Relationship;
  onCancel: () => void;
  onCreated: (p: Person) => void;
}) {
  const [name, setName] = useState(props.name);
  const [title, setTitle] = useState("");
  const [relationship, setRelationship] = useState<string>(props.relationship ?? "");
  const create = useCreatePerson();
  const errors = create.error ? fieldErrors(create.error) : {};
  const other = create.error && Object.keys(errors).length === 0 ? toUiError(create.error).message : undefined;
  return (
    <form
      aria-label="New person"
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation(); // the picker usually sits inside another form
        create.mutate(
          { name, title, relationship: (relationship || null) as Relationship | null, notes: "" },
          { onSuccess: props.onCreated },
        );
      }}
    >
      <Stack>
        <TextInput label="Name" withAsterisk value={name} error={errors.name ?? other} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <TextInput label="Role or title" value={title} error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <NativeSelect
          label="Relationship to your org"
          withAsterisk
          value={relationship}
          error={errors.relationship}
          data={[{ value: "", label: "Choose…" }, ...RELATIONSHIPS.filter((r) => r.value !== "report")]}
          onChange={(e) => setRelationship(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
