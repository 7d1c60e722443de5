// Rows of URL + label for an evidence item's links, with the core's errors at links.<i>.url.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconLink, IconPlus, IconX } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { Link } from "../../bindings";
import type { Errors } from "../../components/form/useRecordForm";

type Props = {
  links: Link[];
  errors: Errors;
  onChange: (links: Link[]) => void;
  onErrorsChange: (update: (errors: Errors) => Errors) => void;
};

const LINK_ERROR = /^links\.(\d+)\.(url|label)$/;

/** Errors after row `removed` is gone: that row's vanish, later rows' move up by one. */
function withoutRow(errors: Errors, removed: number): Errors {
  const next: Errors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = LINK_ERROR.exec(key);
    if (!m) next[key] = message;
    else if (Number(m[1]) < removed) next[key] = message;
    else if (Number(m[1]) > removed) next[`links.${Number(m[1]) - 1}.${m[2]}`] = message;
  }
  return next;
}

function omit(errors: Errors, keys: string[]): Errors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k)));
}

export function LinksEditor({ links, errors, onChange, onErrorsChange }: Props) {
  const labelId = useId();
  // A row added with the button takes focus; rows present on opening do not.
  const [added, setAdded] = useState(false);
  const edit = (i: number, part: keyof Link, value: string) => {
    onChange(links.map((l, j) => (j === i ? { ...l, [part]: value } : l)));
    onErrorsChange((e) => omit(e, [`links.${i}.${part}`, "links"]));
  };
  const remove = (i: number) => {
    onChange(links.filter((_, j) => j !== i));
    onErrorsChange((e) => omit(withoutRow(e, i), ["links"]));
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text size="sm" fw={500} id={labelId}>
        Links
      </Text>
      <Text size="xs" c="dimmed" mt={-6}>
        Design docs, dashboards, announcements: where someone can check the work.
      </Text>
      {links.map((link, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid={`link-row-${i}`}>
          <TextInput
            flex={2}
            label={`Link ${i + 1} URL`}
            placeholder="https://…"
            leftSection={<IconLink size={16} aria-hidden />}
            value={link.url}
            autoFocus={added && i === links.length - 1}
            error={errors[`links.${i}.url`]}
            errorProps={{ "data-testid": `error-links.${i}.url` }}
            onChange={(e) => edit(i, "url", e.currentTarget.value)}
          />
          <TextInput
            flex={1}
            label={`Link ${i + 1} label`}
            placeholder="Design doc"
            value={link.label}
            error={errors[`links.${i}.label`]}
            errorProps={{ "data-testid": `error-links.${i}.label` }}
            onChange={(e) => edit(i, "label", e.currentTarget.value)}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="gray"
            aria-label={`Remove link ${i + 1}`}
            onClick={() => remove(i)}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      {errors.links && (
        <Text size="sm" c="red" data-testid="error-links">
          {errors.links}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            setAdded(true);
            onChange([...links, { url: "", label: "" }]);
          }}
        >
          Add link
        </Button>
      </Group>
    </Stack>
  );
}
