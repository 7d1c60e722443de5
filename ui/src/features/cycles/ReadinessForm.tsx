// The packet's readiness call: ready; not ready (why, which cycle instead, what will be done);
// not interested; undecided.
import { Radio, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";

import type { Candidate, Readiness, ReadinessDraft } from "../../bindings";
import { radarKeys, useSetReadiness } from "../../api/radar";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { READINESS } from "./format";

type Values = { readiness: string; reason: string; expectedCycle: string; actions: string };

/** Expected cycle and actions belong to "not ready" only; the other calls send them empty. */
export function readinessDraft(v: Values): ReadinessDraft {
  const notReady = v.readiness === "not_ready";
  return {
    readiness: (v.readiness || null) as Readiness | null,
    reason: v.reason,
    expectedCycle: notReady ? v.expectedCycle : "",
    actions: notReady ? v.actions : "",
  };
}

export function ReadinessForm({ candidate, onDone }: { candidate: Candidate; onDone: () => void }) {
  const setReadiness = useSetReadiness();
  const client = useQueryClient();
  const initial: Values = {
    readiness: candidate.readiness,
    reason: candidate.readinessReason,
    expectedCycle: candidate.expectedCycle,
    actions: candidate.actions,
  };
  const form = useRecordForm(initial, async (v) => {
    const saved = await setReadiness.mutateAsync({ id: candidate.id, expectedVersion: candidate.version, draft: readinessDraft(v) });
    const label = READINESS.find((r) => r.value === saved.readiness)?.label ?? saved.readiness;
    notifications.show({ message: `${saved.reportName}'s packet: ${label.toLowerCase()}.`, color: "teal" });
    onDone();
  });
  const { values, text } = form;
  const notReady = values.readiness === "not_ready";
  return (
    <RecordForm
      form={form}
      label="Readiness call"
      submitLabel="Save the call"
      onCancel={onDone}
      onReload={() => void client.invalidateQueries({ queryKey: radarKeys.candidate(candidate.id) })}
      autoFocus
    >
      <Radio.Group
        label="Is the packet ready for this calibration?"
        withAsterisk
        value={values.readiness}
        onChange={(v) => form.set("readiness", v)}
        {...form.field("readiness")}
      >
        <Stack gap="xs" mt="xs">
          {READINESS.map((r) => (
            <Radio key={r.value} value={r.value} label={r.label} description={r.hint} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label="Reason"
        description={notReady ? "Why it is not ready: what the committee would find missing" : "Optional: what the call rests on"}
        withAsterisk={notReady}
        autosize
        minRows={2}
        {...text("reason")}
      />
      {notReady && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Expected cycle" description="When it should be ready instead: “H2 2027”" withAsterisk {...text("expectedCycle")} />
          <Textarea label="Actions" description="What will be done before then, and by whom" withAsterisk autosize minRows={2} {...text("actions")} />
        </SimpleGrid>
      )}
    </RecordForm>
  );
}
