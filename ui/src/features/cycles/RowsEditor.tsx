// One list section of the packet (staff-level projects, org improvements, glue work, known
// gaps): rows of fields, each row's errors at "<section>.<row>.<field>", rows added and removed.
import { Button, Fieldset, Group, MultiSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { Errors } from "../../components/form/useRecordForm";
import { MARKDOWN_HINT } from "../../components/markdown/hints";
import { omit, withoutRow } from "./packetValues";
import { IconButton } from "../../components/IconButton";

type Row = Record<string, string | string[]>;

export type RowField<T> = {
  key: keyof T & string;
  /** Added to the row's name: "Project 1 goal"; empty for the row's main field ("Gap 1"). */
  label: string;
  multiline?: boolean;
  required?: boolean;
  placeholder?: string;
  /** Said under the field; a multi-line field says it takes Markdown unless told otherwise. */
  description?: string;
};

export type EvidenceOption = { value: string; label: string };

type Props<T extends Row> = {
  /** The section's field name in the packet: "staffProjects". */
  name: string;
  title: string;
  description: string;
  /** What one row is called, capitalised: "Project". */
  noun: string;
  addLabel: string;
  rows: T[];
  empty: T;
  fields: RowField<T>[];
  /** When given, each row links evidence (its `evidenceIds`), chosen among these. */
  evidence?: EvidenceOption[];
  errors: Errors;
  onChange: (rows: T[]) => void;
  onErrorsChange: (update: (errors: Errors) => Errors) => void;
};

export function RowsEditor<T extends Row>(props: Props<T>) {
  const { name, noun, rows, errors, onChange, onErrorsChange } = props;
  const titleId = useId();
  // A row added with the button takes focus; rows present on opening do not.
  const [added, setAdded] = useState(false);
  const edit = (i: number, key: string, value: string | string[]) => {
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
    onErrorsChange((e) => omit(e, [`${name}.${i}.${key}`, name]));
  };
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    onErrorsChange((e) => withoutRow(e, name, i));
  };
  const rowName = (i: number) => `${noun} ${i + 1}`;
  const main = props.fields[0]?.key;

  return (
    <Stack gap="xs" role="group" aria-labelledby={titleId} data-testid={`section-${name}`}>
      <div>
        <Text fw={600} id={titleId}>
          {props.title}
        </Text>
        <Text size="xs" c="dimmed">
          {props.description}
        </Text>
      </div>
      {rows.map((row, i) => {
        const heading = main && typeof row[main] === "string" && row[main] ? `${rowName(i)}: ${row[main]}` : rowName(i);
        return (
          <Fieldset key={i} legend={heading} variant="filled" data-testid={`${name}-row`}>
            <Stack gap="xs">
              {props.fields.map((f, k) => {
                const label = f.label ? `${rowName(i)} ${f.label}` : rowName(i);
                const key = `${name}.${i}.${f.key}`;
                const common = {
                  label,
                  withAsterisk: f.required,
                  placeholder: f.placeholder,
                  description: f.description ?? (f.multiline ? MARKDOWN_HINT : undefined),
                  value: row[f.key] as string,
                  autoFocus: added && k === 0 && i === rows.length - 1,
                  error: errors[key],
                  errorProps: { "data-testid": `error-${key}` },
                  onChange: (e: { currentTarget: { value: string } }) => edit(i, f.key, e.currentTarget.value),
                };
                return f.multiline ? <Textarea key={f.key} autosize minRows={2} maxRows={10} {...common} /> : <TextInput key={f.key} {...common} />;
              })}
              {props.evidence && (
                <EvidenceLinks
                  label={`${rowName(i)} evidence`}
                  options={props.evidence}
                  value={row.evidenceIds as string[]}
                  onChange={(ids) => edit(i, "evidenceIds", ids)}
                />
              )}
              <Group justify="flex-end">
                <IconButton label={`Remove ${rowName(i).toLowerCase()}`} color="red" onClick={() => remove(i)}>
                  <IconX size={16} />
                </IconButton>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {errors[name] && (
        <Text size="sm" c="red" data-testid={`error-${name}`}>
          {errors[name]}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            setAdded(true);
            onChange([...rows, { ...props.empty }]);
          }}
        >
          {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** Evidence from the report's record backing a row; ids no longer recorded stay, named as such. */
function EvidenceLinks(props: { label: string; options: EvidenceOption[]; value: string[]; onChange: (ids: string[]) => void }) {
  const known = new Set(props.options.map((o) => o.value));
  const data = [...props.options, ...props.value.filter((id) => !known.has(id)).map((id) => ({ value: id, label: "Evidence no longer recorded" }))];
  return (
    <MultiSelect
      label={props.label}
      description="Items from the report's evidence that back this up"
      placeholder={props.value.length ? undefined : data.length ? "Choose evidence" : "No evidence recorded yet"}
      searchable
      data={data}
      value={props.value}
      onChange={props.onChange}
      nothingFoundMessage="No evidence matches"
    />
  );
}
