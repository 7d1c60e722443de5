// Puts a report of the active roster on a cycle, for their target level unless another is chosen.
import { NativeSelect, SimpleGrid, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

import type { CandidateDraft, Cycle, Report, ReportId } from "../../bindings";
import { useLadder, useReports } from "../../api/queries";
import { useAddCandidate } from "../../api/radar";
import { DateInput } from "../../components/form/DateInput";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { todayIso } from "../../lib/dates";

type Values = { reportId: string; targetLevelId: string; addedOn: string };

type Props = {
  cycle: Cycle;
  /** Reports who are candidates in this cycle already (not offered). */
  taken: ReportId[];
  onDone: () => void;
};

export function AddCandidateForm({ cycle, taken, onDone }: Props) {
  const reports = useReports("active");
  const ladder = useLadder();
  const add = useAddCandidate(cycle.id);
  const form = useRecordForm<Values>({ reportId: "", targetLevelId: "", addedOn: todayIso() }, async (v) => {
    const draft: CandidateDraft = { reportId: v.reportId || null, targetLevelId: v.targetLevelId || null, addedOn: v.addedOn };
    const saved = await add.mutateAsync(draft);
    notifications.show({ message: `Added ${saved.reportName} to ${cycle.name}.`, color: "teal" });
    onDone();
  });
  const available: Report[] = (reports.data ?? []).filter((r) => !taken.includes(r.id));
  const chosen = available.find((r) => r.id === form.values.reportId);

  return (
    <RecordForm form={form} label="Add candidate" submitLabel="Add candidate" onCancel={onDone}>
      {reports.data && available.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="no-one-to-add">
          Every report on the active roster is already a candidate in this cycle.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Report"
          withAsterisk
          autoFocus
          data={[
            { value: "", label: reports.isPending ? "Loading the roster…" : "Choose…" },
            ...available.map((r) => ({ value: r.id, label: `${r.name} (${r.currentLevel.name})` })),
          ]}
          {...form.field("reportId")}
          value={form.values.reportId}
          onChange={(e) => {
            const id = e.currentTarget.value;
            form.set("reportId", id);
            // The target level follows the report's own, until changed here.
            form.set("targetLevelId", available.find((r) => r.id === id)?.targetLevel.id ?? "");
          }}
        />
        <NativeSelect
          label="Target level"
          description={chosen ? `${chosen.name} aims for ${chosen.targetLevel.name}` : "Defaults to the report's target level"}
          data={[{ value: "", label: "The report's target level" }, ...(ladder.data ?? []).map((l) => ({ value: l.id, label: l.name }))]}
          {...form.text("targetLevelId")}
        />
        <DateInput label="Added on" withAsterisk {...form.text("addedOn")} />
      </SimpleGrid>
    </RecordForm>
  );
}
