// The report's mandate on the Overview: what the company currently values from them, with
// room, attention, sponsor, review date and reviews, and the history of past mandates.
import { Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck, IconClipboardCheck, IconPencil, IconReplace, IconTarget } from "@tabler/icons-react";
import { useState } from "react";

import type { Report } from "../../bindings";
import { useMandates } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { MandateCard, reviewFlag } from "./MandateCard";
import { EDITOR_TITLES, MandateEditor, type EditorMode } from "./MandateEditor";
import { MandateHistory } from "./MandateHistory";

export function MandateSection({ report }: { report: Report }) {
  const mandates = useMandates(report.id);
  const [mode, setMode] = useState<EditorMode | null>(null);
  const editable = report.archivedAt === null;
  const all = mandates.data ?? [];
  const current = all.find((m) => m.status === "active");
  const past = all.filter((m) => m.status !== "active");
  const titleId = `mandate-title-${report.id}`;

  const actions = editable && current && mode === null && (
    <Group gap="xs" wrap="nowrap" className="no-print">
      <Button
        size="xs"
        // Stands out once the review is due.
        variant={reviewFlag(current.reviewBy) ? "filled" : "default"}
        leftSection={<IconClipboardCheck size={14} aria-hidden />}
        onClick={() => setMode("review")}
        aria-label="Review the mandate"
        data-testid="review-mandate"
      >
        Review…
      </Button>
      <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setMode("edit")} aria-label="Edit the mandate">
        Edit
      </Button>
      <Button size="xs" variant="default" leftSection={<IconReplace size={14} aria-hidden />} onClick={() => setMode("replace")} aria-label="Replace the mandate">
        Replace
      </Button>
      <Button size="xs" variant="default" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setMode("close")} aria-label="Close the mandate">
        Close
      </Button>
    </Group>
  );

  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="mandate-section">
      <Title order={3} size="h4" id={titleId}>
        Mandate
      </Title>
      {mandates.isPending && <Loader size="sm" aria-label="Loading the mandate" />}
      {mandates.isError && <ErrorNotice error={mandates.error} />}
      {!editable && mandates.data && (
        <Text size="sm" c="dimmed" data-testid="mandate-archived">
          {report.name} is archived: the mandate and its history are kept but cannot be changed.
        </Text>
      )}
      {current && mode !== "edit" && <MandateCard mandate={current} actions={actions} />}
      {mandates.data && !current && mode === null && <NoMandate report={report} onSet={editable ? () => setMode("set") : undefined} />}
      {mode !== null && editable && (
        <Card withBorder data-testid="mandate-editor">
          <Title order={4} size="h5" mb="sm">
            {EDITOR_TITLES[mode]}
          </Title>
          <MandateEditor
            // A reload after a conflict gives a fresh form on the latest version.
            key={`${mode}-${current?.version ?? 0}`}
            report={report}
            mode={mode}
            current={current}
            onDone={() => setMode(null)}
          />
        </Card>
      )}
      <MandateHistory reportId={report.id} past={past} editable={editable} />
    </Stack>
  );
}

function NoMandate({ report, onSet }: { report: Report; onSet?: () => void }) {
  return (
    <Card withBorder>
      <Empty
        testId="mandate-empty"
        icon={<IconTarget size={32} aria-hidden />}
        title="No mandate recorded"
        next={`Agree with ${report.name} what the company values from them now: the problem they own, the company priority it serves and who sponsors it.`}
        action={
          onSet && (
            <Button onClick={onSet} data-testid="set-mandate">
              Set a mandate
            </Button>
          )
        }
        why="Good staff work has room (nobody else is doing it) and attention (leadership agrees it matters now). Without a mandate, nobody can tell whether their work is the important work."
      />
    </Card>
  );
}
