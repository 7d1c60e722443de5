// The question bank: questions worth asking in a 1:1, each with the trigger that makes it
// relevant (any report, an archetype, a mandate review, a radar signal). The prep view picks a
// few of them for each 1:1. Retired questions stay for the record, hidden unless asked for.
import { Badge, Button, Card, Group, Loader, NativeSelect, Paper, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { Question, QuestionDraft, QuestionTrigger } from "../../bindings";
import { useCreateQuestion, useQuestionTriggers, useQuestions, useUpdateQuestion } from "../../api/oneOnOnes";
import { EmptyLine } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { QuickForm } from "../oneonones/QuickForm";
import { excerpt } from "../oneonones/shared";
import { IconButton } from "../../components/IconButton";

const GENERAL = "general";

export function QuestionsPage() {
  const [showRetired, setShowRetired] = useState(false);
  const questions = useQuestions(showRetired);
  const triggers = useQuestionTriggers();
  const list = triggers.data ?? [];
  const groups = groupByTrigger(questions.data ?? [], list);
  const live = (questions.data ?? []).filter((q) => !q.retired).length;
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>Question bank</Title>
      <Text c="dimmed">
        The prep view suggests 3–6 of these before each 1:1, chosen by the report's open radar
        signals, mandate review and archetype. Write questions the way you would ask them; give
        each the trigger that makes it worth asking.
      </Text>
      {triggers.isError && <ErrorNotice error={triggers.error} />}
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          Add a question
        </Title>
        {triggers.data ? <AddQuestion triggers={list} /> : <Loader size="sm" aria-label="Loading the triggers" />}
      </Card>
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="questions-count">
          {questions.data ? `${live} ${live === 1 ? "question" : "questions"} in use${showRetired ? `, ${questions.data.length - live} retired` : ""}` : ""}
        </Text>
        <Switch label="Show retired" checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
      </Group>
      {questions.isPending && <Loader aria-label="Loading the question bank" />}
      {questions.isError && <ErrorNotice error={questions.error} />}
      {questions.data && questions.data.length === 0 && (
        <EmptyLine testId="questions-empty">
          The bank is empty{showRetired ? "" : " (or every question is retired: Show retired lists them)"}. Add the
          questions you find yourself asking above: about the mandate, the work nobody sees, how mentoring goes.
        </EmptyLine>
      )}
      {groups.map((g) => (
        <TriggerGroup key={g.trigger.id} trigger={g.trigger} questions={g.questions} triggers={list} />
      ))}
    </Stack>
  );
}

/** Groups in the core's order of triggers; a trigger it no longer knows comes last, by its id. */
function groupByTrigger(questions: Question[], triggers: QuestionTrigger[]) {
  const known = triggers.map((t) => ({ trigger: t, questions: questions.filter((q) => q.trigger === t.id) }));
  const unknownIds = [...new Set(questions.map((q) => q.trigger))].filter((id) => !triggers.some((t) => t.id === id));
  const unknown = unknownIds.map((id) => ({ trigger: { id, label: id }, questions: questions.filter((q) => q.trigger === id) }));
  return [...known, ...unknown].filter((g) => g.questions.length > 0);
}

function TriggerGroup({ trigger, questions, triggers }: { trigger: QuestionTrigger; questions: Question[]; triggers: QuestionTrigger[] }) {
  const headingId = useId();
  return (
    <Stack component="section" gap="xs" aria-labelledby={headingId} data-testid={`trigger-${trigger.id}`}>
      <Group gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {trigger.label}
        </Title>
        <Badge size="sm" variant="light" color="gray">
          {questions.length}
        </Badge>
      </Group>
      <Stack component="ul" gap="xs" p={0} m={0} aria-label={trigger.label}>
        {questions.map((q) => (
          <QuestionRow key={q.id} question={q} triggers={triggers} />
        ))}
      </Stack>
    </Stack>
  );
}

function QuestionRow({ question: q, triggers }: { question: Question; triggers: QuestionTrigger[] }) {
  const { ref, isTarget } = useFocusTarget<HTMLLIElement>(q.id);
  const [editing, setEditing] = useState(false);
  const update = useUpdateQuestion();
  const short = excerpt(q.text, 60);
  const retire = (retired: boolean) =>
    update.mutate(
      { id: q.id, expectedVersion: q.version, draft: { text: q.text, trigger: q.trigger, retired } },
      { onSuccess: () => notifications.show({ message: retired ? `Retired “${short}”.` : `“${short}” is back in use.`, color: "teal" }) },
    );
  return (
    <Paper
      component="li"
      ref={ref}
      id={`record-${q.id}`}
      tabIndex={-1}
      withBorder
      p="sm"
      data-testid="question"
      data-retired={q.retired || undefined}
      style={{ listStyle: "none", opacity: q.retired && !editing ? 0.65 : 1, ...targetStyle(isTarget) }}
    >
      {editing ? (
        <EditQuestion question={q} triggers={triggers} onDone={() => setEditing(false)} />
      ) : (
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm" td={q.retired ? "line-through" : undefined}>
              {q.text}
            </Text>
            {q.retired && (
              <Badge size="sm" color="gray" variant="outline">
                Retired
              </Badge>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconButton label={`Edit “${short}”`} onClick={() => setEditing(true)}>
              <IconPencil size={18} />
            </IconButton>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={q.retired ? <IconArrowBackUp size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
              aria-label={`${q.retired ? "Unretire" : "Retire"} “${short}”`}
              loading={update.isPending}
              onClick={() => retire(!q.retired)}
            >
              {q.retired ? "Unretire" : "Retire"}
            </Button>
          </Group>
        </Group>
      )}
      {update.error && !editing && <ErrorNotice error={update.error} />}
    </Paper>
  );
}

const triggerOptions = (triggers: QuestionTrigger[]) => triggers.map((t) => ({ value: t.id, label: t.label }));

/** Once a question is added the form starts afresh, keeping the trigger for the next one. */
function AddQuestion({ triggers }: { triggers: QuestionTrigger[] }) {
  const first = triggers.some((t) => t.id === GENERAL) ? GENERAL : (triggers[0]?.id ?? "");
  const [round, setRound] = useState({ n: 0, trigger: first });
  return (
    <AddQuestionForm
      key={round.n}
      triggers={triggers}
      trigger={round.trigger}
      again={round.n > 0}
      onSaved={(trigger) => setRound((r) => ({ n: r.n + 1, trigger }))}
    />
  );
}

function AddQuestionForm(props: { triggers: QuestionTrigger[]; trigger: string; again: boolean; onSaved: (trigger: string) => void }) {
  const { triggers, onSaved } = props;
  const create = useCreateQuestion();
  const form = useRecordForm<QuestionDraft>({ text: "", trigger: props.trigger, retired: false }, async (draft) => {
    await create.mutateAsync(draft);
    notifications.show({ message: `Added “${excerpt(draft.text, 60)}” to the question bank.`, color: "teal" });
    onSaved(draft.trigger);
  });
  return (
    <QuickForm form={form} label="Add a question" fields={["text", "trigger"]}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput label="Question" placeholder="What would make this quarter a success for you?" style={{ flex: "1 1 320px" }} autoFocus={props.again} {...form.text("text")} />
        <NativeSelect label="Ask it when" w={300} data={triggerOptions(triggers)} {...form.text("trigger")} />
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={form.saving}>
          Add question
        </Button>
      </Group>
    </QuickForm>
  );
}

function EditQuestion({ question: q, triggers, onDone }: { question: Question; triggers: QuestionTrigger[]; onDone: () => void }) {
  const update = useUpdateQuestion();
  const form = useRecordForm<QuestionDraft>({ text: q.text, trigger: q.trigger, retired: q.retired }, async (draft) => {
    await update.mutateAsync({ id: q.id, expectedVersion: q.version, draft });
    onDone();
  });
  // A trigger the core no longer lists stays choosable for the question that has it.
  const options = triggers.some((t) => t.id === q.trigger) ? triggers : [...triggers, { id: q.trigger, label: q.trigger }];
  return (
    <RecordForm form={form} label="Edit the question" submitLabel="Save question" onCancel={onDone}>
      <TextInput label="Question" autoFocus {...form.text("text")} />
      <NativeSelect label="Ask it when" data={triggerOptions(options)} {...form.text("trigger")} />
    </RecordForm>
  );
}
