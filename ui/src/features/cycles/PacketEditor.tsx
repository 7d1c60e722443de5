// The packet's sections as editable lists and texts, starting from the latest saved version;
// saving always makes a new version (versions are never changed afterwards).
import { Alert, Button, Divider, Group, Text, TextInput, Textarea } from "@mantine/core";
import { IconWand } from "@tabler/icons-react";
import { notifications } from "@mantine/notifications";

import type { Candidate, PacketVersion } from "../../bindings";
import { useDraftPacket, useSavePacket } from "../../api/radar";
import { useEvidence } from "../../api/record";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { INLINE_MARKDOWN_HINT, withMarkdownHint } from "../../components/markdown/hints";
import { formatDate } from "../../lib/dates";
import { EMPTY_GAP, EMPTY_ITEM, EMPTY_PROJECT, sectionsOf, valuesFrom, type PacketValues } from "./packetValues";
import { RowsEditor, type EvidenceOption } from "./RowsEditor";

type Props = {
  candidate: Candidate;
  /** The version the editor starts from; an empty packet when there is none. */
  latest: PacketVersion | undefined;
  /** Cancel: back to the latest saved version. */
  onReset: () => void;
};

export function PacketEditor({ candidate, latest, onReset }: Props) {
  const save = useSavePacket(candidate.id);
  const evidence = useEvidence(candidate.reportId);
  const form = useRecordForm<PacketValues>(valuesFrom(latest?.sections), async (values) => {
    const saved = await save.mutateAsync({ sections: sectionsOf(values), note: values.note });
    notifications.show({ message: `Saved version ${saved.number} of ${candidate.reportName}'s packet.`, color: "teal" });
  });
  const { values, errors, set, text } = form;
  const draft = useDraftPacket(candidate.id);
  // Fills every section from the record; the manager edits, then saves a new version (or
  // cancels back to the saved one): nothing saved is overwritten.
  const fillFromRecord = async () => {
    const sections = await draft.mutateAsync();
    const next = valuesFrom(sections);
    set("staffProjects", next.staffProjects);
    set("orgImprovements", next.orgImprovements);
    set("quantifiedImpact", next.quantifiedImpact);
    set("mentorship", next.mentorship);
    set("glueWork", next.glueWork);
    set("advocates", next.advocates);
    set("knownGaps", next.knownGaps);
    if (!values.note.trim()) set("note", "Drafted from the record");
    notifications.show({ message: "Filled from the record: check each section, then save it as a new version.", color: "teal" });
  };
  // The flagship first: the packet leads with it.
  const options: EvidenceOption[] = [...(evidence.data ?? [])]
    .sort((a, b) => Number(b.flagship) - Number(a.flagship))
    .map((e) => ({ value: e.id, label: `${e.title} (${e.startedOn.slice(0, 4)})${e.flagship ? " · flagship" : ""}` }));
  const flagship = evidence.data?.find((e) => e.flagship);
  const rows = { errors, onErrorsChange: form.setErrors, evidence: options };

  return (
    <RecordForm form={form} label="Packet" submitLabel="Save as new version" submitTestId="save-packet" onCancel={onReset} gap="md">
      <Alert color={latest ? "blue" : "yellow"} variant="light" data-testid="packet-base">
        {latest
          ? `Editing from version ${latest.number}, saved ${formatDate(latest.savedOn)}. Saving makes version ${latest.number + 1}; earlier versions stay as they were.`
          : "No version saved yet: this will be the first draft. Drafting months before the packet is due is how surprises surface in time."}
      </Alert>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed">
          Start from what is already logged: the flagship and led work, improvements, glue work, mentees, advocates and the open gaps.
        </Text>
        <Button
          variant="light"
          leftSection={<IconWand size={16} />}
          loading={draft.isPending}
          onClick={() => void fillFromRecord()}
          data-testid="draft-from-record"
        >
          {latest ? "Refresh from the record" : "Draft from the record"}
        </Button>
      </Group>
      {draft.error && (
        <Alert color="red" variant="light" data-testid="draft-error">
          {draft.error.message}
        </Alert>
      )}
      <RowsEditor
        {...rows}
        name="staffProjects"
        title="Staff-level projects"
        description={`The work that carries the case: its goal, why it was hard, the impact and the design docs. ${
          flagship ? `Lead with the flagship, “${flagship.title}”.` : "Mark the project to lead with as Flagship on the Evidence tab."
        }`}
        noun="Project"
        addLabel="Add a staff-level project"
        rows={values.staffProjects}
        empty={EMPTY_PROJECT}
        fields={[
          { key: "title", label: "title", required: true },
          { key: "goal", label: "goal", multiline: true },
          { key: "complexity", label: "complexity", multiline: true },
          { key: "impact", label: "impact", multiline: true, placeholder: "In numbers where you can" },
          { key: "designDocs", label: "design docs", placeholder: "Links or names of the design docs", description: INLINE_MARKDOWN_HINT },
        ]}
        onChange={(list) => set("staffProjects", list)}
      />
      <Divider />
      <RowsEditor
        {...rows}
        name="orgImprovements"
        title="Improvements to the organisation"
        description="High-leverage changes beyond their own team: processes, tooling, standards"
        noun="Improvement"
        addLabel="Add an improvement"
        rows={values.orgImprovements}
        empty={EMPTY_ITEM}
        fields={[
          { key: "title", label: "title", required: true },
          { key: "body", label: "text", multiline: true },
        ]}
        onChange={(list) => set("orgImprovements", list)}
      />
      <Divider />
      <Textarea label="Quantified impact" description={withMarkdownHint("The numbers, in one place")} autosize minRows={2} maxRows={10} {...text("quantifiedImpact")} />
      <Textarea label="Mentorship" description={withMarkdownHint("Who grew, and what the mentees themselves say")} autosize minRows={2} maxRows={10} {...text("mentorship")} />
      <Divider />
      <RowsEditor
        {...rows}
        name="glueWork"
        title="Glue work"
        description="Work that held others together and is easy to miss: if the committee never sees it, it does not count"
        noun="Glue work"
        addLabel="Add glue work"
        rows={values.glueWork}
        empty={EMPTY_ITEM}
        fields={[
          { key: "title", label: "title", required: true },
          { key: "body", label: "text", multiline: true },
        ]}
        onChange={(list) => set("glueWork", list)}
      />
      <Divider />
      <Textarea label="Advocates" description={withMarkdownHint("Who will speak for the work, and what they saw")} autosize minRows={2} maxRows={10} {...text("advocates")} />
      <Divider />
      <RowsEditor
        {...rows}
        evidence={undefined}
        name="knownGaps"
        title="Known gaps"
        description="What the committee may find missing, each with the plan for it: better said by you than discovered in the room"
        noun="Gap"
        addLabel="Add a known gap"
        rows={values.knownGaps}
        empty={EMPTY_GAP}
        fields={[
          { key: "gap", label: "", required: true, description: INLINE_MARKDOWN_HINT },
          { key: "plan", label: "plan", multiline: true, required: true },
        ]}
        onChange={(list) => set("knownGaps", list)}
      />
      <Divider />
      <TextInput
        label="Note for this version"
        description="Optional: what changed, e.g. “after Priya's staff peer review”"
        {...text("note")}
      />
    </RecordForm>
  );
}
