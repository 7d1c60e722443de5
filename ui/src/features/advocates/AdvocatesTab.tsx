// Advocates: leaders who will speak for the report's work in calibration, what they saw, how
// strongly they would support it, and when that was last confirmed.
import { Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconSpeakerphone, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { Report } from "../../bindings";
import { useAdvocates } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { AdvocateCard } from "./AdvocateCard";
import { AdvocateForm } from "./AdvocateForm";
import { summaryLine } from "./summary";

/** What is being edited: nothing, a new advocate ("new"), or the advocate with this id. */
type Editing = string | null;

export function AdvocatesTab({ report }: { report: Report }) {
  const advocates = useAdvocates(report.id);
  const [editing, setEditing] = useState<Editing>(null);
  const editable = report.archivedAt === null;
  const list = advocates.data ?? [];
  const taken = list.map((a) => a.person.id);

  if (advocates.isPending) return <Loader aria-label="Loading advocates" />;
  if (advocates.isError) return <ErrorNotice error={advocates.error} />;

  return (
    <Stack gap="md" data-testid="advocates-tab">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Advocates
          </Title>
          {list.length > 0 && (
            <Text size="sm" data-testid="advocates-summary">
              {summaryLine(list)}
            </Text>
          )}
        </Stack>
        {editable && list.length > 0 && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEditing("new")} disabled={editing !== null}>
            Add advocate
          </Button>
        )}
      </Group>
      {!editable && (
        <Text size="sm" c="dimmed" data-testid="advocates-archived">
          {report.name} is archived: their advocates are kept but cannot be changed.
        </Text>
      )}
      {editable && editing === "new" && (
        <Card withBorder data-testid="advocate-form-card">
          <Title order={4} size="h5" mb="sm">
            Add an advocate
          </Title>
          <AdvocateForm report={report} taken={taken} onDone={() => setEditing(null)} />
        </Card>
      )}
      {list.length === 0 && editing !== "new" && (
        <Empty
          testId="advocates-empty"
          icon={<IconSpeakerphone size={32} aria-hidden />}
          title="No advocates recorded"
          next={`Who would speak for ${report.name}'s work in calibration? Add the leaders who have seen it first-hand, what they saw and how strongly they would support it.`}
          action={editable && <Button onClick={() => setEditing("new")}>Add advocate</Button>}
          why="Check in with them now and then: support nobody has confirmed is support you cannot count on."
        />
      )}
      {list.map((a) =>
        editable && editing === a.id ? (
          <Card withBorder key={a.id} data-testid="advocate-form-card">
            <Title order={4} size="h5" mb="sm">
              Edit advocate {a.person.name}
            </Title>
            <AdvocateForm
              // A reload after a conflict gives a fresh form on the latest version.
              key={a.version}
              report={report}
              advocate={a}
              taken={taken}
              onDone={() => setEditing(null)}
            />
          </Card>
        ) : (
          <AdvocateCard key={a.id} advocate={a} editable={editable && editing === null} onEdit={() => setEditing(a.id)} />
        ),
      )}
    </Stack>
  );
}
