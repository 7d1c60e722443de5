// The rules-of-thumb register: the organisation's unwritten criteria, written down as soon as
// they are heard, with who said them, whether they are confirmed, whom they apply to and,
// where possible, a machine check the radar runs for every candidate.
import { Button, Card, CloseButton, Group, Kbd, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconBook, IconPlus, IconSearch } from "@tabler/icons-react";
import { useRef, useState } from "react";

import type { LadderLevel, RuleOfThumb } from "../../bindings";
import { useLadder } from "../../api/queries";
import { useRules } from "../../api/radar";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { focusRecord } from "../../lib/focus";
import { RuleCard } from "./RuleCard";
import { RuleForm } from "./RuleForm";
import { describeCheck } from "../../lib/checks";

/** Nothing, a new rule ("new"), or the rule with this id. */
type Editing = string | null;

export function RulesPage() {
  const rules = useRules();
  const ladder = useLadder();
  const [editing, setEditing] = useState<Editing>(null);
  const [filter, setFilter] = useState("");
  useHotkeys([["n", () => editing === null && setEditing("new")]]);
  const addButton = useRef<HTMLButtonElement>(null);
  // Back to where the user was: the saved or edited rule, else the Add button.
  const done = (savedId?: string) => {
    const edited = editing !== "new" ? editing : null;
    setEditing(null);
    const id = savedId ?? edited;
    if (id) focusRecord(id);
    else window.setTimeout(() => addButton.current?.focus());
  };

  // Live rules first, retired ones after (each in the core's order: newest first).
  const all = [...(rules.data ?? [])].sort((a, b) => Number(a.retired) - Number(b.retired));
  const q = filter.trim().toLowerCase();
  const shown = q ? all.filter((r) => matches(r, q)) : all;
  const live = all.filter((r) => !r.retired).length;

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Title order={2}>Rules of thumb</Title>
        {all.length > 0 && (
          <Button ref={addButton} leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing("new")} disabled={editing !== null}>
            Add rule
          </Button>
        )}
      </Group>
      <Text c="dimmed">
        The criteria the official ladder does not write down but calibration applies. Confirmed
        rules with a machine check are checked by the radar for every candidate they apply to;
        the others go on each candidate's checklist for you to judge.
      </Text>
      {editing === "new" && (
        <Card withBorder data-testid="rule-form-card">
          <Title order={3} size="h4" mb="sm">
            Add a rule of thumb
          </Title>
          <RuleForm onDone={done} />
        </Card>
      )}
      {rules.isPending && <Loader aria-label="Loading the rules of thumb" />}
      {rules.isError && <ErrorNotice error={rules.error} />}
      {rules.data && all.length === 0 && editing !== "new" && <EmptyRules onAdd={() => setEditing("new")} />}
      {all.length > 0 && (
        <>
          <Group justify="space-between" align="flex-end">
            <TextInput
              label="Filter rules"
              placeholder="Wording, who said it, where"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              rightSection={filter ? <CloseButton aria-label="Clear the filter" onClick={() => setFilter("")} /> : null}
              w={320}
            />
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="rules-count">
              {q ? `${shown.length} of ${all.length} rules` : `${live} live, ${all.length - live} retired`}
            </Text>
          </Group>
          {shown.length === 0 && (
            <Text c="dimmed" data-testid="rules-no-match">
              No rule matches “{filter.trim()}”.
            </Text>
          )}
          <Stack gap="sm">
            {shown.map((r) =>
              editing === r.id ? (
                <Card withBorder key={r.id} data-testid="rule-form-card">
                  <RuleForm key={r.version} rule={r} onDone={done} />
                </Card>
              ) : (
                <RuleCard key={r.id} rule={r} ladder={ladder.data ?? ([] as LadderLevel[])} editable={editing === null} onEdit={() => setEditing(r.id)} />
              ),
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function matches(r: RuleOfThumb, q: string): boolean {
  const text = [r.wording, r.saidBy?.name ?? "", r.sourceDetail, r.check ? describeCheck(r.check) : ""].join(" ").toLowerCase();
  return text.includes(q);
}

function EmptyRules({ onAdd }: { onAdd: () => void }) {
  return (
    <Empty
      testId="rules-empty"
      icon={<IconBook size={32} aria-hidden />}
      title="No rules of thumb yet"
      next={
        <Text span inherit>
          Write down each unwritten criterion the moment you hear it, with who said it and whether
          it is confirmed: press <Kbd>N</Kbd>, or Add the first rule.
        </Text>
      }
      action={<Button onClick={onAdd}>Add the first rule</Button>}
      why="Promotions get blocked by criteria nobody wrote down: “is the impact big enough?”, “we need to see it run in production for a year”, “where is the staff project?”. They differ from company to company. Reviewers' comments on a packet are the main way to uncover them ahead of time; past calibrations and conversations with leaders reveal them too. Where you can, give each a machine check for the radar."
    />
  );
}
