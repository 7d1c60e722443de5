// Exporting calibration notes for a report or a cycle: choose the document (the committee brief
// to hand to the room, or the manager's brief with the radar's risks), a format and, for the
// manager's brief only, (deliberately) any private content; check the preview, then save through
// the native save dialog that Rust opens. Every opening starts from the committee brief with
// nothing private; the file's first line (shown first in the preview) says which document it is
// and what it contains.
import { Alert, Button, Checkbox, Group, List, Loader, Modal, Paper, Radio, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconFileExport, IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useId, useState } from "react";

import type { CalibrationNotes, ExportFormat, ExportOptions, ExportScope, ReportNotes } from "../../bindings";
import { useExportNotes, useNotesPreview } from "../../api/exports";
import { ErrorNotice } from "../../components/ErrorNotice";
import { BRIEFS, briefLabel } from "../../lib/labels";

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: "markdown", label: "Markdown", hint: "Pastes cleanly into docs" },
  { value: "html", label: "HTML", hint: "One self-contained file, prints well" },
  { value: "pdf", label: "PDF", hint: "Fixed pages, ready to attach or print" },
];

const COMMITTEE_BRIEF: ExportOptions = { brief: "committee", includePrivateNotes: false, includeNonQuotable: false };

/** Opens the calibration notes export for a report or a cycle. */
export function ExportNotesButton({ scope }: { scope: ExportScope }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export calibration notes
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Export calibration notes" size="lg">
        {/* Mounted only while open: every opening starts from the safe defaults. */}
        {open && <ExportDialog scope={scope} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function ExportDialog({ scope, onClose }: { scope: ExportScope; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>("markdown");
  const [options, setOptions] = useState<ExportOptions>(COMMITTEE_BRIEF);
  const preview = useNotesPreview(scope, options);
  const save = useExportNotes();

  const choose = (change: Partial<ExportOptions>) => {
    save.reset();
    setOptions((o) => ({ ...o, ...change }));
  };
  const onSave = () =>
    save.mutate(
      { scope, format, options },
      {
        onSuccess: (path) => {
          // null: the manager cancelled the save dialog. Nothing to report; the choices stay.
          if (path === null) return;
          notifications.show({ message: `Saved to ${path}`, color: "teal" });
          onClose();
        },
      },
    );

  return (
    <Stack gap="md">
      <Radio.Group
        label="Document"
        value={options.brief}
        onChange={(v) => {
          const brief = BRIEFS.find((b) => b.value === v)?.value ?? "committee";
          // The committee brief never holds private content: switching to it unticks both.
          choose(brief === "committee" ? COMMITTEE_BRIEF : { brief });
        }}
      >
        <Stack gap="xs" mt="xs">
          {BRIEFS.map((b) => (
            <Radio key={b.value} value={b.value} label={b.label} description={b.hint} data-autofocus={b.value === options.brief || undefined} />
          ))}
        </Stack>
      </Radio.Group>

      <Radio.Group
        label="Format"
        value={format}
        onChange={(v) => {
          save.reset();
          setFormat(v);
        }}
      >
        <Stack gap="xs" mt="xs">
          {FORMATS.map((f) => (
            <Radio key={f.value} value={f.value} label={f.label} description={f.hint} />
          ))}
        </Stack>
      </Radio.Group>

      {options.brief === "manager" && (
      <Stack gap="xs">
        <Checkbox
          label="Include private 1:1 notes"
          description="Left out unless you tick this: what is said in 1:1s stays there."
          checked={options.includePrivateNotes}
          onChange={(e) => choose({ includePrivateNotes: e.currentTarget.checked })}
        />
        {options.includePrivateNotes && (
          <Warning testId="private-notes-warning" title="Private 1:1 notes will be in the file">
            The file will say on its first line that it contains private notes. Don&apos;t share it.
          </Warning>
        )}
        <Checkbox
          label="Include non-quotable mentee feedback"
          description="Left out unless you tick this: only words mentees agreed to have quoted go in."
          checked={options.includeNonQuotable}
          onChange={(e) => choose({ includeNonQuotable: e.currentTarget.checked })}
        />
        {options.includeNonQuotable && (
          <Warning testId="non-quotable-warning" title="Non-quotable mentee feedback will be in the file">
            The file will say on its first line that it contains feedback mentees did not agree to have quoted. Don&apos;t share it.
          </Warning>
        )}
      </Stack>
      )}

      <PreviewPanel preview={preview} />

      {save.isError && <ErrorNotice error={save.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={onSave} loading={save.isPending} leftSection={<IconFileExport size={16} aria-hidden />}>
          Save the {briefLabel(options.brief).toLowerCase()}…
        </Button>
      </Group>
    </Stack>
  );
}

function Warning({ testId, title, children }: { testId: string; title: string; children: string }) {
  return (
    <Alert color="orange" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} data-testid={testId}>
      {children}
    </Alert>
  );
}

function PreviewPanel({ preview }: { preview: ReturnType<typeof useNotesPreview> }) {
  const heading = useId();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={heading} data-testid="notes-preview">
      <Title order={3} size="h5" id={heading} mb="xs">
        Preview
      </Title>
      {preview.isPending ? (
        <Group gap="xs">
          <Loader size="sm" aria-label="Preparing the preview" />
          <Text size="sm" c="dimmed">
            Preparing the preview…
          </Text>
        </Group>
      ) : preview.isError ? (
        <ErrorNotice error={preview.error} />
      ) : (
        <NotesPreview notes={preview.data} />
      )}
    </Paper>
  );
}

function NotesPreview({ notes }: { notes: CalibrationNotes }) {
  // Orange: private content, included on purpose. Grey: the manager's own brief (its risks are
  // not for the room). Teal: the committee brief, made to be handed over.
  const sensitive = notes.includesPrivateNotes || notes.includesNonQuotable;
  const forTheRoom = notes.brief === "committee";
  return (
    <Stack gap="xs">
      <Alert
        color={sensitive ? "orange" : forTheRoom ? "teal" : "gray"}
        variant={sensitive ? "filled" : "light"}
        icon={forTheRoom ? <IconShieldCheck aria-hidden /> : <IconLock aria-hidden />}
        data-testid="preview-privacy-line"
      >
        <Text fw={700} size="sm">
          {notes.privacyLine}
        </Text>
      </Alert>
      <Text fw={600} data-testid="preview-title">
        {notes.title}
      </Text>
      {notes.context.map((line) => (
        <Text key={line} size="sm" c="dimmed">
          {line}
        </Text>
      ))}
      <ScrollArea.Autosize mah={260}>
        <List spacing="xs" listStyleType="none" aria-label="Reports in the notes">
          {notes.reports.map((r) => (
            <List.Item key={r.name} data-testid="preview-report">
              <ReportLine report={r} includesPrivateNotes={notes.includesPrivateNotes} />
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function ReportLine({ report: r, includesPrivateNotes }: { report: ReportNotes; includesPrivateNotes: boolean }) {
  const counts = [`Evidence: ${r.evidence.length} shown of ${r.evidenceConsidered} considered`, plural(r.mentorship.quotes.length, "quote")];
  // Only the manager's brief has the radar's signals. The builder writes "Open. Suggested: …"
  // for a signal nobody acknowledged or snoozed.
  const mine = r.managerOnly;
  if (mine) counts.push(plural(mine.signals.filter((s) => s.handling.startsWith("Open")).length, "open signal"));
  if (mine && includesPrivateNotes) counts.push(plural(mine.privateNotes.length, "private note"));
  return (
    <Stack gap={0}>
      <Text size="sm">
        <b>{r.name}</b> · {r.levels} · {r.readiness === "" ? "not a candidate" : r.readiness}
      </Text>
      <Text size="xs" c="dimmed" data-testid="preview-counts">
        {counts.join(" · ")}
      </Text>
    </Stack>
  );
}
